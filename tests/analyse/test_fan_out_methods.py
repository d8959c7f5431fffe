"""HTTP methods chosen at run time: a fan-out of them may write, so it keeps its order.

``session.request("GET", url)`` reads and ``session.request("POST", url)``
writes; ``session.request(method, url)`` sends whatever ``method`` holds. A
wrapper taking the method as a parameter sends what each call site gives it.
"""

from __future__ import annotations

import pytest
from scopes import shared

from migrate.analyse.concurrency import Spot
from migrate.analyse.run import analyse_paths

SOURCE = """\
import requests

BASE = "http://api"
session = requests.Session()


def call(method, path, **kwargs):
    return session.request(method, f"{BASE}{path}", **kwargs).json()


def read(path, method="GET"):
    return call(method, path)


def method_in_a_loop(method, ids):
    out = []
    for i in ids:
        out.append(requests.request(method, f"{BASE}/{i}").status_code)
    return out


def method_keyword(verb, ids):
    return [session.request(method=verb, url=f"{BASE}/{i}").status_code for i in ids]


def method_side_by_side(method):
    first = session.request(method, f"{BASE}/a")
    second = session.request(method, f"{BASE}/b")
    return first, second


def constant_read(ids):
    return [session.request("get", f"{BASE}/{i}").status_code for i in ids]


def wrapper_reads(ids):
    return [call("GET", f"/{i}") for i in ids]


def wrapper_writes(ids):
    return [call("POST", f"/{i}") for i in ids]


def wrapper_given_a_variable(verb, ids):
    return [call(verb, f"/{i}") for i in ids]


def wrapper_default(ids):
    return [read(f"/{i}") for i in ids]


def wrapper_default_overridden(ids):
    return [read(f"/{i}", method="delete") for i in ids]


def wrapper_keywords_passed_on(ids, **kwargs):
    return [read(f"/{i}", **kwargs) for i in ids]


class Api:
    def __init__(self):
        self.session = requests.Session()

    def _call(self, method, path, **kwargs):
        return self.session.request(method, f"{BASE}{path}", **kwargs).json()

    def item(self, i):
        return self._call("GET", f"/items/{i}")

    def method_reads(self, ids):
        return [self._call("GET", f"/{i}") for i in ids]

    def method_writes(self, ids):
        return [self._call("PUT", f"/{i}") for i in ids]

    def method_through_a_method(self, ids):
        found = {}
        for i in ids:
            found[i] = self.item(i)["name"]
        return found
"""

RUN_TIME = (
    "kept {kept}: {callee} sends an HTTP method chosen at run time{held}, which may be"
    " a POST/PUT/PATCH/DELETE whose order the upstream observes; a constant GET, HEAD or"
    " OPTIONS would let the calls run together (so would --allow-reorder, when the writes"
    " are independent)"
)


def _spots(folder, allow_reorder: bool = False) -> dict[str, Spot]:
    found = analyse_paths([folder], jobs=1, allow_reorder=allow_reorder).spots
    return {s.function.rsplit(".", 1)[-1]: s for s in found if s.kind != "ordered-writes"}


@pytest.fixture(scope=shared)
def project(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("methods")
    (folder / "client.py").write_text(SOURCE)
    return folder


@pytest.fixture(scope=shared)
def spots(project) -> dict[str, Spot]:
    return _spots(project)


@pytest.mark.parametrize(
    ("function", "kept", "callee", "held"),
    [
        ("method_in_a_loop", "sequential", "request", " (method)"),
        ("method_keyword", "sequential", "request", " (verb)"),
        ("method_side_by_side", "in order", "request", " (method)"),
        ("wrapper_given_a_variable", "sequential", "call", ""),
        ("wrapper_keywords_passed_on", "sequential", "read", ""),
    ],
)
def test_a_method_chosen_at_run_time_may_write_and_keeps_the_order(
    spots: dict[str, Spot], function: str, kept: str, callee: str, held: str
) -> None:
    spot = spots[function]
    assert spot.safe is False and spot.edit is None
    assert spot.reason == RUN_TIME.format(kept=kept, callee=callee, held=held)


# ``self._call("GET", p)`` gives ``method`` its second parameter (``self`` comes first).
@pytest.mark.parametrize(
    "function",
    [
        "constant_read",
        "wrapper_reads",
        "wrapper_default",
        "method_reads",
        "method_through_a_method",
    ],
)
def test_a_read_method_named_at_the_call_site_runs_together(
    spots: dict[str, Spot], function: str
) -> None:
    spot = spots[function]
    assert spot.safe is True and spot.edit is not None


@pytest.mark.parametrize(
    ("function", "verb"),
    [
        ("wrapper_writes", "POST"),
        ("wrapper_default_overridden", "DELETE"),
        ("method_writes", "PUT"),
    ],
)
def test_a_write_named_at_the_call_site_keeps_the_order(
    spots: dict[str, Spot], function: str, verb: str
) -> None:
    spot = spots[function]
    assert spot.safe is False
    assert spot.reason.startswith(f"kept sequential: {verb} requests whose order")


def test_allow_reorder_runs_methods_chosen_at_run_time_together(project) -> None:
    spots = _spots(project, allow_reorder=True)
    assert spots["method_in_a_loop"].safe is True
    assert spots["wrapper_given_a_variable"].safe is True
