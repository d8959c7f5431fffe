"""The TaskPool helper: a thread pool's submit + as_completed on the event loop.

Run from the helpers module as ``migrate apply`` writes it. Completion order,
the bound, and what happens on failure: the calls still running are
cancelled, calls that never started are closed, and no task is left with an
exception nobody retrieved (``filterwarnings = error`` turns any such warning
into a failure).
"""

from __future__ import annotations

import asyncio
import gc
import importlib.util
import sys
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


def test_tasks_come_back_as_they_complete_and_within_the_bound(helpers: ModuleType) -> None:
    calls = Calls()

    async def main() -> list[tuple[str, str]]:
        got = []
        async with helpers.TaskPool(limit=2) as pool:
            futures = {pool.submit(calls.call(n, d)): n for n, d in [("a", 0.5), ("b", 0.01)]}
            futures[pool.submit(calls.call("c", 0.0))] = "c"
            async for future in pool.as_completed(futures):
                got.append((futures[future], future.result()))
        return got

    assert asyncio.run(main()) == [("b", "b"), ("c", "c"), ("a", "a")]
    assert calls.peak == 2


def test_a_failure_cancels_the_rest_and_closes_what_never_started(helpers: ModuleType) -> None:
    calls = Calls()

    async def main() -> None:
        async with helpers.TaskPool(limit=2) as pool:
            futures = [
                pool.submit(calls.call("fails", 0.0, fail=True)),
                pool.submit(calls.call("slow", 1.0)),
                pool.submit(calls.call("late", 0.0)),
                pool.submit(calls.call("also fails", 0.0, fail=True)),
            ]
            async for future in pool.as_completed(futures):
                future.result()

    with pytest.raises(LookupError, match="fails"):
        asyncio.run(main())
    gc.collect()  # an unretrieved exception or an unawaited coroutine warns here
    assert "slow" not in calls.finished
    assert calls.peak <= 2


def test_leaving_the_block_waits_for_calls_nobody_took(helpers: ModuleType) -> None:
    calls = Calls()

    async def main() -> Any:
        async with helpers.TaskPool(limit=1) as pool:
            pool.submit(calls.call("a", 0.01))
            pool.submit(calls.call("b", 0.01, fail=True))
        return calls.finished

    assert asyncio.run(main()) == ["a"]
    gc.collect()
