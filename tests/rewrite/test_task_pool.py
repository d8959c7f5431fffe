"""The TaskPool helper: a thread pool's submit + as_completed on the event loop.

Run from the helpers module as ``migrate apply`` writes it. Completion order,
the bound, and leaving the block: by an exception, ``return`` or ``break``, it
waits for every submitted call, running or not yet started, as leaving a
``ThreadPoolExecutor`` block did; only a cancellation of the task around it
cancels them, closing calls that never started. No task is left with an
exception nobody retrieved, no coroutine is left unawaited (both checked after
``gc.collect()``).
"""

from __future__ import annotations

import asyncio
import gc
import importlib.util
import sys
import warnings
from collections.abc import Awaitable, Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from migrate.rewrite.helpers import render


@pytest.fixture
def helpers(tmp_path: Path) -> ModuleType:
    path = tmp_path / "_async_helpers.py"
    path.write_bytes(render(["TaskPool"]))
    spec = importlib.util.spec_from_file_location("task_pool_helpers", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def left() -> list[str]:
    """What a run left behind, filled by :func:`run`."""
    return []


def run(main: Callable[[], Awaitable[Any]], left: list[str]) -> Any:
    """``asyncio.run(main())``, noting in ``left`` the tasks whose exception nobody
    retrieved (the loop's handler) and the coroutines never awaited (a
    RuntimeWarning), once ``gc.collect()`` has run."""

    async def watched() -> Any:
        loop = asyncio.get_running_loop()
        loop.set_exception_handler(lambda _, context: left.append(context["message"]))
        return await main()

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            return asyncio.run(watched())
        finally:
            gc.collect()
            left.extend(str(warning.message) for warning in caught)


class Calls:
    """Coroutines that finish after a given delay, or fail; who ran at once."""

    def __init__(self) -> None:
        self.running = 0
        self.peak = 0
        self.started: list[str] = []
        self.finished: list[str] = []

    async def call(self, name: str, delay: float, fail: bool = False) -> str:
        self.started.append(name)
        self.running += 1
        self.peak = max(self.peak, self.running)
        try:
            await asyncio.sleep(delay)
            if fail:
                raise LookupError(name)
            self.finished.append(name)
            return name
        finally:
            self.running -= 1


def test_tasks_come_back_as_they_complete_and_within_the_bound(
    helpers: ModuleType, left: list[str]
) -> None:
    calls = Calls()

    async def main() -> list[tuple[str, str]]:
        got = []
        async with helpers.TaskPool(limit=2) as pool:
            futures = {pool.submit(calls.call(n, d)): n for n, d in [("a", 0.5), ("b", 0.01)]}
            futures[pool.submit(calls.call("c", 0.0))] = "c"
            async for future in pool.as_completed(futures):
                got.append((futures[future], future.result()))
        return got

    assert run(main, left) == [("b", "b"), ("c", "c"), ("a", "a")]
    assert calls.peak == 2
    assert left == []


def test_an_exception_in_the_block_leaves_once_every_call_ran(
    helpers: ModuleType, left: list[str]
) -> None:
    calls = Calls()

    async def main() -> None:
        async with helpers.TaskPool(limit=2) as pool:
            futures = [
                pool.submit(calls.call("fails", 0.0, fail=True)),
                pool.submit(calls.call("slow", 0.2)),
                pool.submit(calls.call("late", 0.0)),
                pool.submit(calls.call("also fails", 0.0, fail=True)),
                pool.submit(calls.call("last", 0.05)),
            ]
            async for future in pool.as_completed(futures):
                future.result()

    with pytest.raises(LookupError, match=r"^fails$"):
        run(main, left)
    assert calls.started == ["fails", "slow", "late", "also fails", "last"]
    assert sorted(calls.finished) == ["last", "late", "slow"]
    assert calls.peak == 2
    assert left == []  # "also fails" retrieved, nothing unawaited


def test_an_exception_raised_before_any_call_started_still_runs_them(
    helpers: ModuleType, left: list[str]
) -> None:
    calls = Calls()

    async def main() -> None:
        async with helpers.TaskPool(limit=1) as pool:
            pool.submit(calls.call("a", 0.01))
            pool.submit(calls.call("b", 0.01))
            raise KeyError("body")

    with pytest.raises(KeyError, match="body"):
        run(main, left)
    assert calls.finished == ["a", "b"]
    assert left == []


@pytest.mark.parametrize("leave", ["return", "break"])
def test_leaving_as_completed_early_lets_the_others_finish(
    helpers: ModuleType, left: list[str], leave: str
) -> None:
    calls = Calls()

    async def first_done() -> str:
        async with helpers.TaskPool(limit=2) as pool:
            futures = {
                pool.submit(calls.call(name, delay, fail=name == "bad")): name
                for name, delay in [("slow", 0.2), ("quick", 0.0), ("bad", 0.0), ("late", 0.0)]
            }
            async for future in pool.as_completed(futures):
                if leave == "return":
                    return future.result()
                first = future.result()
                break
        return first

    async def main() -> tuple[str, list[str]]:
        return await first_done(), list(calls.finished)

    first, finished_when_taken = run(main, left)
    assert first == "quick"
    assert sorted(finished_when_taken) == ["late", "quick", "slow"]  # the block waited
    assert calls.started == ["slow", "quick", "bad", "late"]
    assert calls.peak == 2
    assert left == []  # "bad" failed with nobody to take it: retrieved


def test_leaving_the_block_waits_for_calls_nobody_took(
    helpers: ModuleType, left: list[str]
) -> None:
    calls = Calls()

    async def main() -> Any:
        async with helpers.TaskPool(limit=1) as pool:
            pool.submit(calls.call("a", 0.01))
            pool.submit(calls.call("b", 0.01, fail=True))
            pool.submit(calls.call("c", 0.01))
        return calls.finished

    assert run(main, left) == ["a", "c"]
    assert left == []


@pytest.mark.parametrize("where", ["in the block", "leaving it", "leaving it by an error"])
def test_cancelling_the_task_around_the_block_cancels_the_calls(
    helpers: ModuleType, left: list[str], where: str
) -> None:
    calls = Calls()

    async def pooled() -> None:
        async with helpers.TaskPool(limit=2) as pool:
            futures = [
                pool.submit(calls.call("quick", 0.0)),
                pool.submit(calls.call("slow", 1.0)),
                pool.submit(calls.call("slower", 2.0)),
                pool.submit(calls.call("never", 0.0)),
            ]
            if where == "in the block":
                async for future in pool.as_completed(futures):
                    future.result()
                    await asyncio.sleep(1.0)
            elif where == "leaving it by an error":
                raise KeyError("body")

    async def main() -> int:
        try:
            await asyncio.wait_for(pooled(), timeout=0.1)
        except asyncio.TimeoutError:
            return calls.running
        return -1

    assert run(main, left) == 0  # both cancelled, and the block waited for them to stop
    assert calls.started == ["quick", "slow", "slower"]
    assert calls.finished == ["quick"]
    assert left == []  # "never" closed, not left unawaited


def test_run_notes_a_lost_failure_and_an_unawaited_call(left: list[str]) -> None:
    async def fails() -> None:
        raise LookupError

    async def main() -> None:
        lost = asyncio.ensure_future(fails())  # its failure never retrieved
        fails()  # never awaited
        await asyncio.sleep(0)
        del lost

    run(main, left)
    assert len(left) == 2
    assert any("never retrieved" in message for message in left)
    assert any("never awaited" in message for message in left)
