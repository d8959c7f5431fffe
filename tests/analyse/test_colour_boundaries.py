"""Where async colour stops and what the plan says there (migrate/analyse/colour.py).

One module of the shapes a reviewer meets at a boundary: a function handed
to code that calls it (given only async functions, or also sync ones), a
callback given to a sync API from sync and from
async code, a lambda in async code or beside an await, a decorator wrapping async and sync
functions, a constructor whose class has a ``create``. Each test states what
stays sync, what is bridged, and the review item the plan shows, on its line.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from scopes import shared

from migrate.analyse.decisions import Colouring, Scope
from migrate.analyse.run import analyse_paths

SOURCE = """
import functools

import requests


def fetch(i):
    return requests.get(f"http://api/{i}").json()


def logged(func):
    @functools.wraps(func)
    def wrapper(*args):
        return func(*args)

    return wrapper


@logged
def load(i):
    return fetch(i)


@logged
def pure(i):
    return i


def run_with(callback, value):
    return callback(value)


def passes_it(i):
    return run_with(fetch, i)


def in_sorted(ids):
    return sorted(ids, key=fetch)


async def async_sorted(ids):
    return sorted(ids, key=fetch)


async def async_callbacks():
    return {"one": lambda: fetch(1)}


def with_lambda(ids):
    first = fetch(ids[0])
    handlers = {"later": lambda i: fetch(i)}
    return [first] + [handlers["later"](i) for i in ids[1:]]


async def calls_with_lambda(ids):
    return with_lambda(ids)


def pages(n):
    for i in range(n):
        yield fetch(i)


def first_page():
    return next(enumerate(pages(1)), None)


async def all_pages():
    return [page for page in pages(2)]


def run_mixed(callback, value):
    return callback(value)


def double(i):
    return i * 2


def mixed_fetch(i):
    return run_mixed(fetch, i)


def mixed_double(i):
    return run_mixed(double, i)


class Client:
    def __init__(self, i):
        self.data = fetch(i)

    @classmethod
    def create(cls, i):
        return cls(i)
"""


def colouring(tmp_path: Path, scope: Scope | None = None) -> Colouring:
    (tmp_path / "app.py").write_text(textwrap.dedent(SOURCE))
    return analyse_paths([tmp_path], scope=scope, jobs=1).colouring


@pytest.fixture(scope=shared)
def result(tmp_path_factory: pytest.TempPathFactory) -> Colouring:
    return colouring(tmp_path_factory.mktemp("boundaries"))


def reviews(result: Colouring) -> dict[str, tuple[int, str]]:
    found = {r.function.removeprefix("app."): (r.span.line, r.reason) for r in result.review}
    assert len(found) == len(result.review), "one review per function here"
    return found


def line_of(text: str) -> int:
    return SOURCE.splitlines().index(text) + 1


def test_what_becomes_async(result: Colouring) -> None:
    assert set(result.async_functions) == {
        "app.fetch",
        "app.load",
        "app.logged.wrapper",
        "app.passes_it",
        "app.pure",
        "app.run_with",
    }
    wrapper = result.async_functions["app.logged.wrapper"]
    assert (wrapper.kind, wrapper.callee) == ("wraps", "app.load")


def test_a_function_passed_to_project_code_that_calls_it(result: Colouring) -> None:
    # Every value run_with's parameter is given becomes async: both ends convert.
    ((function, span),) = result.param_awaits
    assert (function, span.line) == ("app.run_with", line_of("    return callback(value)"))
    assert result.async_functions["app.passes_it"].callee == "app.run_with"


def test_a_parameter_given_async_and_sync_functions_stays_sync(result: Colouring) -> None:
    assert not result.is_async("app.run_mixed") and not result.is_async("app.mixed_double")
    line, reason = reviews(result)["run_mixed"]
    assert line == line_of("def run_mixed(callback, value):") + 1
    assert reason.startswith("app.run_mixed calls its parameter callback, given fetch (")
    assert f"app.py:{line_of('    return run_mixed(fetch, i)')}), double (" in reason
    assert reason.endswith(
        "some of them stay sync, so it does not await it: make them all async (or all sync)"
    )
    (bridge,) = [b for b in result.bridges if b.function == "app.mixed_fetch"]
    assert (bridge.callee, bridge.kind) == ("app.fetch", "async_to_sync")


def test_a_callback_of_a_sync_api_is_bridged_in_sync_code(result: Colouring) -> None:
    (bridge,) = [b for b in result.bridges if b.function == "app.in_sorted"]
    assert (bridge.callee, bridge.kind, bridge.is_reference, bridge.text) == (
        "app.fetch",
        "async_to_sync",
        True,
        "fetch",
    )
    assert bridge.why == "callback handed to sync API sorted()"
    assert bridge.span.line == line_of("    return sorted(ids, key=fetch)")


def test_a_callback_of_a_sync_api_in_async_code_runs_the_api_on_a_worker_thread(
    result: Colouring,
) -> None:
    """async_to_sync cannot run on the loop's thread: sorted() goes to a worker
    thread (sync_to_async), from which the bridged key comes back to the loop."""
    assert "async_sorted" not in reviews(result)
    line = line_of("async def async_sorted(ids):") + 1
    bridged = sorted(
        (b.kind, b.callee, b.is_reference, b.thread_sensitive)
        for b in result.bridges
        if b.function == "app.async_sorted" and b.span.line == line
    )
    assert bridged == [
        ("async_to_sync", "app.fetch", True, False),
        ("sync_to_async", "builtins.sorted", False, False),
    ]


def test_a_lambda_in_async_code_cannot_await(result: Colouring) -> None:
    line, reason = reviews(result)["async_callbacks"]
    assert line == line_of('    return {"one": lambda: fetch(1)}')
    assert reason == (
        "a lambda in async code calls app.fetch, which becomes async; a lambda cannot"
        " await: rewrite it as a nested async def"
    )


def test_a_function_whose_lambda_calls_async_code_stays_sync(result: Colouring) -> None:
    assert not result.is_async("app.with_lambda")
    assert result.boundaries["app.with_lambda"] == (
        "a lambda in it calls app.fetch, which is async; rewrite the lambda as a nested"
        " async def to migrate it"
    )
    bridged = [(b.span.line, b.kind) for b in result.bridges if b.function == "app.with_lambda"]
    assert sorted(bridged) == [
        (line_of("    first = fetch(ids[0])"), "async_to_sync"),
        (line_of('    handlers = {"later": lambda i: fetch(i)}'), "async_to_sync"),
    ]


def test_async_code_calls_a_function_that_bridges_on_a_worker_thread(
    result: Colouring,
) -> None:
    (offload,) = [o for o in result.offloads if o.function == "app.calls_with_lambda"]
    assert (offload.callee, offload.kind, offload.thread_sensitive) == (
        "app.with_lambda",
        "sync_to_async",
        False,
    )
    assert offload.why == "app.with_lambda blocks (runs app.fetch through async_to_sync)"
    assert "app.calls_with_lambda" not in reviews(result)


def test_a_sync_generator_that_bridges_is_iterated_on_a_worker_thread(result: Colouring) -> None:
    # Its async_to_sync runs as it is iterated: on the loop it would raise; on a
    # worker thread async_to_sync hands the coroutine back to the loop.
    assert not result.is_async("app.pages")
    (offload,) = [o for o in result.offloads if o.callee == "app.pages"]
    assert (offload.function, offload.kind) == ("app.all_pages", "thread_items")
    assert offload.span.line == line_of("    return [page for page in pages(2)]")
    assert "all_pages" not in reviews(result)


def test_what_an_async_wrapper_wraps_becomes_async(result: Colouring) -> None:
    # ``pure`` awaits nothing, but the wrapper around it awaits what it wraps, and
    # whoever calls ``pure()`` gets the wrapper's coroutine.
    pure = result.async_functions["app.pure"]
    assert (pure.kind, pure.callee, pure.span.line) == (
        "decorated",
        "app.logged.wrapper",
        line_of("def pure(i):") - 1,
    )
    assert "logged.wrapper" not in reviews(result)


def test_a_decorator_over_async_and_sync_functions_is_for_review(tmp_path: Path) -> None:
    # ``pure`` must stay sync (excluded): the wrapper would hand its callers coroutines.
    result = colouring(tmp_path, Scope(exclude=("app.pure",)))
    line, reason = reviews(result)["logged.wrapper"]
    assert line == line_of("    def wrapper(*args):")
    assert reason.startswith(
        "this decorator wraps functions that become async and functions that stay sync"
        " (app.pure); make it handle both"
    )


def test_an_excluded_decorator_stays_sync_and_says_what_it_wraps(tmp_path: Path) -> None:
    result = colouring(tmp_path, Scope(exclude=("app.logged",)))
    assert result.boundaries["app.logged.wrapper"] == "excluded"
    assert not result.is_async("app.logged.wrapper")
    _, reason = reviews(result)["logged.wrapper"]
    assert reason == (
        "this decorator wrapper stays sync (excluded) but wraps app.load, which becomes"
        " async: migrate them together"
    )


def test_a_constructor_of_a_class_with_create_stays_sync_and_bridges(
    result: Colouring,
) -> None:
    assert result.boundaries["app.Client.__init__"] == "constructor: class defines create"
    (bridge,) = [b for b in result.bridges if b.function == "app.Client.__init__"]
    assert (bridge.callee, bridge.kind, bridge.is_reference) == (
        "app.fetch",
        "async_to_sync",
        False,
    )
    assert bridge.why == "__init__ stays sync: constructor: class defines create"
    assert bridge.span.line == line_of("        self.data = fetch(i)")


SHARED_CLIENT = """
import requests


class Shelf:
    def __init__(self, base):
        self.base = base
        self.session = requests.Session()

    def book(self, isbn):
        return self.session.get(f"{self.base}/books/{isbn}").json()

    def titles(self):
        for isbn in self.session.get(f"{self.base}/isbns").json():
            yield self.book(isbn)["title"]

    def __repr__(self):
        return self.session.get(f"{self.base}/name").json()["name"]
"""


def test_a_client_that_a_sync_dunder_calls_stays_on_requests_with_all_its_users(
    tmp_path: Path,
) -> None:
    (tmp_path / "shelf.py").write_text(textwrap.dedent(SHARED_CLIENT))
    result = analyse_paths([tmp_path], jobs=1).colouring
    assert not result.async_functions
    assert result.boundaries["shelf.Shelf.book"] == (
        "its client self.session is also used by __repr__, which stays sync (dunder)"
    )
    (review,) = [r for r in result.review if r.function == "shelf.Shelf.__repr__"]
    assert review.reason == (
        "self.session stays on requests: __repr__ stays sync (dunder) and calls it, so"
        " book, titles stay sync with it; make __repr__ async (or give it a client of its"
        " own) to migrate them"
    )


CALLED_INSTANCE = """
import requests


class Invoker:
    def __init__(self, base):
        self.data = requests.get(base).json()

    def __call__(self):
        return self.data


def main(base):
    invoker = Invoker(base)
    return invoker()
"""


def test_calling_an_instance_runs_its_call_not_its_constructor(tmp_path: Path) -> None:
    (tmp_path / "invoke.py").write_text(textwrap.dedent(CALLED_INSTANCE))
    analysis = analyse_paths([tmp_path], jobs=1)
    lines = textwrap.dedent(CALLED_INSTANCE).splitlines()
    made = lines.index("    invoker = Invoker(base)") + 1
    called = lines.index("    return invoker()") + 1
    edges = {(e.span.line, e.callee) for e in analysis.graph.edges if e.caller == "invoke.main"}
    assert edges == {(made, "invoke.Invoker.__init__"), (called, "invoke.Invoker.__call__")}
    assert "invoke.main" in analysis.colouring.async_functions


PATCHED_CLASS = {
    "shop.py": """
import requests


class Shop:
    def __init__(self, base):
        self.items = self.load(base)

    def load(self, base):
        return requests.get(base).json()
""",
    "test_shop.py": """
from shop import Shop


def test_load(monkeypatch):
    monkeypatch.setattr(Shop, "load", lambda self, base: [])
    assert Shop("http://api").items == []


def test_spy(mocker):
    spy = mocker.spy(Shop, "load")
    Shop("http://api")
    assert spy.call_count == 1
""",
}


def test_a_class_patched_in_tests_is_not_passed_around(tmp_path: Path) -> None:
    for name, text in PATCHED_CLASS.items():
        (tmp_path / name).write_text(textwrap.dedent(text))
    result = analyse_paths([tmp_path], jobs=1).colouring
    assert "shop.Shop.__init__" in result.async_functions
    assert "shop.Shop.__init__" not in result.boundaries


HANDED_GENERATORS = """
import requests


def pages(url):
    yield requests.get(url).json()


def page_list(url):
    return [requests.get(url).json()]


def count(make, url):
    return sum(1 for _ in make(url))


def counted(url):
    return count(pages, url) + count(page_list, url)
"""


def test_a_receiver_given_generators_and_functions_stays_sync(tmp_path: Path) -> None:
    (tmp_path / "feed.py").write_text(textwrap.dedent(HANDED_GENERATORS))
    result = analyse_paths([tmp_path], jobs=1).colouring
    assert {"feed.pages", "feed.page_list"} <= set(result.async_functions)
    assert "feed.count" not in result.async_functions
    (review,) = [r for r in result.review if r.function == "feed.count"]
    assert "one awaits, one iterates" in review.reason


COUNTER = """
import requests


class Counter:
    def __init__(self, base):
        self.base = base

    def __getitem__(self, name):
        return 0

    def __setitem__(self, name, value):
        requests.put(f"{self.base}/{name}", json=value)


def bump(counter: Counter, name):
    counter[name] = 1
    counter[name] += 1
"""


def test_a_dunder_run_other_than_as_one_call_is_reviewed(tmp_path: Path) -> None:
    (tmp_path / "count.py").write_text(textwrap.dedent(COUNTER))
    result = analyse_paths([tmp_path], jobs=1).colouring
    assert result.renamed["count.Counter.__setitem__"] == "asetitem"
    assert "count.bump" in result.async_functions  # for its plain ``counter[name] = 1``
    (review,) = [r for r in result.review if r.function == "count.bump"]
    assert (
        review.span.line
        == textwrap.dedent(COUNTER).splitlines().index("    counter[name] += 1") + 1
    )
    assert "bridges to asetitem (async now) through async_to_sync" in review.reason


def test_a_dunder_keeping_its_own_request_is_reviewed(tmp_path: Path) -> None:
    (tmp_path / "badge.py").write_text(
        textwrap.dedent(
            """
            import requests


            class Badge:
                def __init__(self, url):
                    self.url = url

                def __str__(self):
                    return requests.get(self.url).text
            """
        )
    )
    result = analyse_paths([tmp_path], jobs=1).colouring
    assert not result.async_functions
    (review,) = [r for r in result.review if r.function == "badge.Badge.__str__"]
    assert review.reason == "__str__ stays sync (Python calls it), its calls blocking"


TYPER_APP = """
import requests
import typer

app = typer.Typer()


def fetch(name):
    return requests.get(f"http://api/{name}").json()


@app.command("show")
def show(name: str):
    typer.echo(fetch(name))


@app.callback()
def main(verbose: bool = False):
    fetch("ping")
"""


def test_a_typer_command_stays_sync_and_bridges(tmp_path: Path) -> None:
    # Typer calls its commands (click's) as plain functions: a coroutine would never run.
    (tmp_path / "cli.py").write_text(textwrap.dedent(TYPER_APP))
    result = analyse_paths([tmp_path], jobs=1).colouring
    assert result.is_async("cli.fetch")
    for command in ("cli.show", "cli.main"):
        assert not result.is_async(command)
        assert result.boundaries[command] == "click-command"
    bridged = {(b.function, b.callee, b.kind) for b in result.bridges}
    assert bridged == {
        ("cli.show", "cli.fetch", "async_to_sync"),
        ("cli.main", "cli.fetch", "async_to_sync"),
    }
