"""A fan-out made concurrent keeps the sequential code's failures.

A legacy module fetches three paths one after another, or one per item of a
list; the toolkit migrates it, and both versions run against a scripted
server on 127.0.0.1. What a diff does not show is checked here: when two
calls fail at different times, the migrated code raises the failure of the
call that comes first *in order* (the sequential code never got further),
not the first in time as ``asyncio.gather`` would; the calls after it are
cancelled (the server sees them abandoned), calls that never started are
closed, and no task is left with an exception nobody retrieved.
"""

from __future__ import annotations

import asyncio
import gc
import importlib.util
import sys
import warnings
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest
import requests
from scopes import shared

from migrate.rewrite.options import DEFAULT_MAX_CONCURRENCY, RewriteOptions

from . import loopback
from .harness import imported_from, rewrite

LEGACY = """\
import requests

BASE = "http://127.0.0.1:9"


def fetch(path):
    response = requests.get(BASE + path, timeout=5)
    response.raise_for_status()
    return response.json()


def three(a, b, c):
    first = fetch(a)
    second = fetch(b)
    third = fetch(c)
    return [first, second, third]


def each(paths):
    return [fetch(path) for path in paths]


def pairs(items):
    out = []
    for a, b in items:
        first = fetch(a)
        second = fetch(b)
        out.append((first, second))
    return out


def pairs_or_missing(items):
    found, missing = [], []
    for x, y in items:
        try:
            first = fetch(x)
            second = fetch(y)
        except requests.HTTPError:
            missing.append(x)
            continue
        found.append((first, second))
    return found, missing


def each_or_unreachable(paths):
    found = []
    for path in paths:
        try:
            found.append(fetch(path))
        except requests.ConnectionError:
            found.append(None)
    return found
"""


def _load(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope=shared)
def versions(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[ModuleType, ModuleType]]:
    root = tmp_path_factory.mktemp("gather")
    (root / "legacy").mkdir()
    (root / "migrated").mkdir()
    (root / "legacy" / "client.py").write_text(LEGACY)
    produced, _ = rewrite(root / "legacy", RewriteOptions())
    migrated_source = produced["client.py"]
    # The fan-outs really became concurrent: otherwise nothing here is tested.
    assert migrated_source.count(b"fetch(a)") == 2 and b"await fetch(a)" not in migrated_source
    assert b"((fetch(a), fetch(b)) for a, b in items)" in migrated_source
    assert b"((fetch(x), fetch(y)) for x, y in items)" in migrated_source
    for rel, data in produced.items():
        (root / "migrated" / rel).write_bytes(data)
    names = ("_legacy_gather_client", "_migrated_gather_client")
    legacy = _load(root / "legacy" / "client.py", names[0])
    with imported_from(root / "migrated"):  # the helpers module it imports
        migrated = _load(root / "migrated" / "client.py", names[1])
    try:
        yield legacy, migrated
    finally:
        for name in names:
            sys.modules.pop(name, None)


@pytest.fixture
def server() -> Iterator[tuple[str, loopback.Scripted]]:
    scripted = loopback.Scripted()
    with loopback.serve(scripted.handle) as url:
        yield url, scripted


class Watched:
    """Runs a coroutine on a fresh loop; records what asyncio would only log.

    "Task exception was never retrieved" and "Task was destroyed but it is
    pending" reach the loop's exception handler, not the warnings machinery,
    so ``filterwarnings = error`` alone would not see them.
    """

    def __init__(self) -> None:
        self.reports: list[str] = []
        self.warnings: list[str] = []

    def run(self, make: Callable[[], Awaitable[Any]]) -> Any:
        async def main() -> Any:
            asyncio.get_running_loop().set_exception_handler(
                lambda _, context: self.reports.append(str(context.get("message")))
            )
            return await make()

        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                return asyncio.run(main())
            finally:
                gc.collect()
                self.warnings = [str(w.message) for w in caught]


def _failed_path(exc: BaseException) -> str:
    if isinstance(exc, requests.HTTPError):
        assert exc.response is not None
        return str(exc.response.url).split("/", 3)[3]
    assert isinstance(exc, httpx.HTTPStatusError), repr(exc)
    return exc.request.url.path.lstrip("/")


def test_the_failure_first_in_order_is_raised_not_the_first_in_time(
    versions: tuple[ModuleType, ModuleType], server: tuple[str, loopback.Scripted]
) -> None:
    legacy, migrated = versions
    url, scripted = server
    legacy.BASE = migrated.BASE = url
    # The first call fails late, the second at once.
    paths = ("/fail/300", "/fail/0", "/ok/c")

    with pytest.raises(requests.HTTPError) as before:
        legacy.three(*paths)
    assert scripted.paths() == ["/fail/300"]

    watched = Watched()
    with pytest.raises(httpx.HTTPStatusError) as after:
        watched.run(lambda: migrated.three(*paths))
    assert _failed_path(after.value) == _failed_path(before.value) == "fail/300"
    assert not watched.reports
    assert not watched.warnings


def test_calls_after_a_failure_are_cancelled(
    versions: tuple[ModuleType, ModuleType], server: tuple[str, loopback.Scripted]
) -> None:
    _, migrated = versions
    url, scripted = server
    migrated.BASE = url
    watched = Watched()
    with pytest.raises(httpx.HTTPStatusError) as failed:
        watched.run(lambda: migrated.three("/fail/100", "/hang", "/fail/0"))
    assert _failed_path(failed.value) == "fail/100"
    # The server sees the hanging request given up (bounded wait, not a timing).
    assert scripted.abandoned.wait(5)
    assert ("/hang", "abandoned") in scripted.log
    assert not watched.reports
    assert not watched.warnings


def test_calls_that_never_started_are_closed(
    versions: tuple[ModuleType, ModuleType], server: tuple[str, loopback.Scripted]
) -> None:
    """A bounded fan-out over a list: the first item fails while the last
    ones still wait for a slot; they are closed, never "never awaited"."""
    legacy, migrated = versions
    url, scripted = server
    legacy.BASE = migrated.BASE = url
    paths = ["/fail/0", *(["/slow/300"] * 30)]

    with pytest.raises(requests.HTTPError) as before:
        legacy.each(paths)
    assert scripted.paths() == ["/fail/0"]
    scripted.log.clear()
    watched = Watched()
    with pytest.raises(httpx.HTTPStatusError) as after:
        watched.run(lambda: migrated.each(paths))
    assert _failed_path(after.value) == _failed_path(before.value)
    # Only the first batch reached the server; its slow calls were given up.
    assert scripted.abandoned.wait(5)
    assert len(scripted.paths()) <= DEFAULT_MAX_CONCURRENCY
    assert not watched.reports
    assert not watched.warnings


def test_a_failure_stops_the_calls_after_it_while_an_earlier_call_still_runs(
    versions: tuple[ModuleType, ModuleType], server: tuple[str, loopback.Scripted]
) -> None:
    """The second call fails while the first still runs: the gather waits for the
    first (its failure would come first), but no call after the failing one starts
    meanwhile; only those already in flight with it reach the server."""
    legacy, migrated = versions
    url, scripted = server
    legacy.BASE = migrated.BASE = url
    paths = ["/slow/500", "/fail/0", *(f"/ok/{n}" for n in range(40))]

    with pytest.raises(requests.HTTPError):
        legacy.each(paths)
    assert scripted.paths() == ["/slow/500", "/fail/0"]
    scripted.log.clear()
    watched = Watched()
    with pytest.raises(httpx.HTTPStatusError) as after:
        watched.run(lambda: migrated.each(paths))
    assert _failed_path(after.value) == "fail/0"
    # At most a full pool of calls, plus one more for each that settled before the
    # failure did and so freed its slot (on a loaded machine ``/ok/0`` can); the log
    # is in the order the server settled them.
    seen = scripted.paths()
    freed = sum(p.startswith("/ok/") for p in seen[: seen.index("/fail/0")])
    assert len(seen) <= DEFAULT_MAX_CONCURRENCY + freed
    assert not watched.reports
    assert not watched.warnings


def test_results_keep_their_order_and_the_same_requests_are_made(
    versions: tuple[ModuleType, ModuleType], server: tuple[str, loopback.Scripted]
) -> None:
    legacy, migrated = versions
    url, scripted = server
    legacy.BASE = migrated.BASE = url
    paths = [f"/ok/{n}" for n in range(25)]

    before = legacy.each(paths)
    seen_before = sorted(scripted.paths())
    scripted.log.clear()
    watched = Watched()
    after = watched.run(lambda: migrated.each(paths))
    assert after == before == [{"name": str(n)} for n in range(25)]
    assert sorted(scripted.paths()) == seen_before
    assert not watched.reports
    assert not watched.warnings


def test_several_calls_per_item_fail_in_the_order_they_were_made(
    versions: tuple[ModuleType, ModuleType], server: tuple[str, loopback.Scripted]
) -> None:
    """Two calls per item gathered as pairs: the first failure in the legacy
    order (item by item, call by call) is raised, whatever fails first in time."""
    legacy, migrated = versions
    url, _ = server
    legacy.BASE = migrated.BASE = url
    items = [("/ok/a", "/ok/b"), ("/fail/300", "/fail/0"), ("/ok/c", "/ok/d")]

    with pytest.raises(requests.HTTPError) as before:
        legacy.pairs(items)
    watched = Watched()
    with pytest.raises(httpx.HTTPStatusError) as after:
        watched.run(lambda: migrated.pairs(items))
    assert _failed_path(after.value) == _failed_path(before.value) == "fail/300"
    assert not watched.reports
    assert not watched.warnings


def test_several_calls_per_item_are_bounded_and_closed(
    versions: tuple[ModuleType, ModuleType], server: tuple[str, loopback.Scripted]
) -> None:
    """The bound counts calls, not items; pairs that never started are closed."""
    legacy, migrated = versions
    url, scripted = server
    legacy.BASE = migrated.BASE = url
    items = [("/ok/a", "/fail/0"), *([("/slow/300", "/slow/300")] * 20)]

    with pytest.raises(requests.HTTPError):
        legacy.pairs(items)
    scripted.log.clear()
    watched = Watched()
    with pytest.raises(httpx.HTTPStatusError) as after:
        watched.run(lambda: migrated.pairs(items))
    assert _failed_path(after.value) == "fail/0"
    assert scripted.abandoned.wait(5)
    # A full pool of calls, plus one more if ``/ok/a`` settled before the failure
    # did and so freed its slot (as in the test above; it did in CI, under load).
    seen = scripted.paths()
    freed = sum(p.startswith("/ok/") for p in seen[: seen.index("/fail/0")])
    assert len(seen) <= DEFAULT_MAX_CONCURRENCY + freed
    assert not watched.reports
    assert not watched.warnings


def test_pairs_come_back_in_order(
    versions: tuple[ModuleType, ModuleType], server: tuple[str, loopback.Scripted]
) -> None:
    legacy, migrated = versions
    url, _ = server
    legacy.BASE = migrated.BASE = url
    items = [(f"/ok/{n}", f"/ok/{n + 100}") for n in range(12)]

    before = legacy.pairs(items)
    watched = Watched()
    assert watched.run(lambda: migrated.pairs(items)) == before
    assert not watched.reports
    assert not watched.warnings


def test_an_item_whose_failure_is_caught_makes_no_more_calls(
    versions: tuple[ModuleType, ModuleType], server: tuple[str, loopback.Scripted]
) -> None:
    """Two calls per item in a ``try``: an item's second call is made only once its
    first succeeded, as before; every other item still runs, and each failure is
    handled where the legacy code handled it."""
    legacy, migrated = versions
    url, scripted = server
    legacy.BASE = migrated.BASE = url
    items = [("/ok/a", "/ok/b"), ("/fail/0", "/ok/never"), ("/ok/c", "/fail/0"), ("/ok/d", "/ok/e")]

    before = legacy.pairs_or_missing(items)
    made = sorted(scripted.paths())
    scripted.log.clear()
    watched = Watched()
    assert watched.run(lambda: migrated.pairs_or_missing(items)) == before
    assert sorted(scripted.paths()) == made
    assert "/ok/never" not in made
    assert not watched.reports
    assert not watched.warnings


def test_a_failure_the_try_does_not_catch_stops_the_calls(
    versions: tuple[ModuleType, ModuleType], server: tuple[str, loopback.Scripted]
) -> None:
    """The legacy loop stopped at the first failure its ``except`` let through: the
    gather stops there too, instead of fetching every item first."""
    legacy, migrated = versions
    url, scripted = server
    legacy.BASE = migrated.BASE = url
    paths = ["/fail/0", *(["/slow/300"] * 30)]

    with pytest.raises(requests.HTTPError) as before:
        legacy.each_or_unreachable(paths)
    assert scripted.paths() == ["/fail/0"]
    scripted.log.clear()
    watched = Watched()
    with pytest.raises(httpx.HTTPStatusError) as after:
        watched.run(lambda: migrated.each_or_unreachable(paths))
    assert _failed_path(after.value) == _failed_path(before.value)
    assert scripted.abandoned.wait(5)
    assert len(scripted.paths()) <= DEFAULT_MAX_CONCURRENCY
    assert not watched.reports
    assert not watched.warnings
