"""Golden cases run before and after against loopback upstreams (see drivers.py).

A regenerated golden that compiles and reads well but behaves differently
(another result, another exception, other upstream requests, a coroutine
never awaited) fails here, where ``test_cases.py`` would accept it.
"""

from __future__ import annotations

import asyncio
import importlib.util
import re
import socket
import time
from pathlib import Path
from types import ModuleType

import pytest

from migrate.read.pytest_config import configured_test_file

from . import loopback
from .drivers import (
    CaseUpstream,
    assert_same_behaviour,
    blocking_calls_reported,
    run_case_tests,
    run_versions,
)
from .harness import Case, all_cases

CASES = all_cases()
# Code that reaches the network, the clock or a thread: a case holding it needs
# a driver, or a line here saying why it has none yet.
IO = re.compile(r"^\s*(?:import|from)\s+(requests|httpx|urllib\.request|time)\b", re.MULTILINE)
UNDRIVEN: dict[str, str] = {}


def _driver(case: Case) -> ModuleType | None:
    path = case.folder / "driver.py"
    if not path.exists():
        return None
    spec = importlib.util.spec_from_file_location(f"_driver_{case.id}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


DRIVERS = {case.id: _driver(case) for case in CASES}
DRIVEN = [case for case in CASES if hasattr(DRIVERS[case.id], "drive")]

# Cases that bring their own tests (mocked HTTP, or hosts their driver.py
# serves from ROUTES): those tests are the driver.
TESTED = [
    case
    for case in CASES
    if any(
        p.name.startswith("test_") or configured_test_file(str(p)) for p in case.input.rglob("*.py")
    )
    and case.id not in UNDRIVEN
]

# Cases whose own tests are expected to fail after migration, and why.
TEST_GAPS = {
    "http-mocks/mixed-unittest-patch-started": (
        "a patch of requests.get started by hand in setUp, in a test file reaching code that"
        " moves and code that keeps requests: no twin, a TODO; the moved code's httpx request"
        " fails to connect (it never reaches the network)"
    ),
}


@pytest.mark.parametrize("case", DRIVEN, ids=[c.id for c in DRIVEN])
def test_case_behaves_the_same_before_and_after(case: Case, tmp_path: Path) -> None:
    driver = DRIVERS[case.id]
    assert driver is not None
    assert_same_behaviour(case.id, *run_versions(case.folder, tmp_path, driver), driver)


@pytest.mark.parametrize("case", TESTED, ids=[c.id for c in TESTED])
def test_case_tests_pass_the_same_before_and_after(case: Case, tmp_path: Path) -> None:
    before, after = run_case_tests(
        case.folder, tmp_path, case.options.asyncio_mode, DRIVERS[case.id]
    )
    outcomes = (before.outcomes, after.outcomes)
    assert "<run>" not in before.outcomes and "<run>" not in after.outcomes, outcomes
    assert set(before.outcomes.values()) == {"PASSED"}, before.outcomes
    if DRIVERS[case.id] is not None:
        assert before.requests, f"{case.id}: its tests reached none of the hosts it serves"
    if case.id in TEST_GAPS:
        # Like a strict xfail: the day these pass, the entry goes.
        assert after.outcomes != before.outcomes, f"{case.id}: its tests pass now: drop it"
        assert set(after.outcomes) == set(before.outcomes)
        return
    assert after.outcomes == before.outcomes
    assert after.requests == before.requests, f"{case.id}: upstream requests differ"


def test_every_case_doing_io_has_a_driver() -> None:
    missing = []
    for case in CASES:
        sources = "".join(p.read_text("utf-8", "replace") for p in case.input.rglob("*.py"))
        does_io = IO.search(sources) is not None
        driven = case in DRIVEN or case in TESTED
        if does_io and not driven and case.id not in UNDRIVEN:
            missing.append(case.id)
    assert not missing, f"add a driver.py (tests/rewrite/drivers.py) to: {missing}"


def test_requests_a_client_gave_up_on_count_for_the_call_that_sent_them() -> None:
    # A gather that fails cancels the calls after the failing one, some of them
    # already sent: the server may read them only after the call has returned,
    # and they must not show up in the next check's log.
    upstream = CaseUpstream("x")
    with loopback.serve_tracked(upstream.handle) as server:
        upstream.server = server
        port = int(server.url.rsplit(":", 1)[1])
        for i in range(20):
            with socket.create_connection(("127.0.0.1", port)) as client:
                client.sendall(f"GET /sent/{i} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
        sent = sorted(f"/sent/{i}" for i in range(20))
        assert sorted(r.path for r in upstream.take_log()) == sent
        assert upstream.take_log() == []


def test_a_blocking_call_on_a_running_loop_is_reported() -> None:
    async def blocking(port: int) -> None:
        with socket.create_connection(("127.0.0.1", port)):
            time.sleep(0)  # noqa: ASYNC251 (the blocking call under test)

    async def awaiting(port: int) -> None:
        _, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.close()
        await writer.wait_closed()
        await asyncio.sleep(0)

    reports: list[str] = []
    with socket.create_server(("127.0.0.1", 0)) as listener:
        port = listener.getsockname()[1]
        with blocking_calls_reported(reports):
            asyncio.run(awaiting(port))
            assert reports == []
            asyncio.run(blocking(port))
            # Off the loop (a worker thread, sync code) blocking is what code does.
            with socket.create_connection(("127.0.0.1", port)):
                time.sleep(0)
    assert reports == [
        "blocking socket.connect on a running loop",
        "time.sleep on a running loop",
    ]
