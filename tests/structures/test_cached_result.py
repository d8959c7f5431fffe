"""The ``cached_result`` helper a ``functools.cached_property`` that fetches becomes."""

from __future__ import annotations

import asyncio
from types import ModuleType

import pytest

from migrate.rewrite.helpers import render


def _helpers() -> ModuleType:
    module = ModuleType("_async_helpers")
    exec(compile(render(["cached_result"]), "_async_helpers.py", "exec"), module.__dict__)
    return module


class _Account:
    def __init__(self, fail: bool = False) -> None:
        self.fetches = 0
        self.fail = fail

    async def settings(self) -> dict[str, str]:
        self.fetches += 1
        await asyncio.sleep(0.01)
        if self.fail:
            raise LookupError("down")
        return {"theme": "dark"}


def test_one_fetch_per_instance_shared_by_concurrent_callers() -> None:
    cached = _helpers().cached_result(_Account.settings)
    first, second = _Account(), _Account()

    async def main() -> list[object]:
        return await asyncio.gather(cached(first), cached(first), cached(second))

    assert asyncio.run(main()) == [{"theme": "dark"}] * 3
    assert asyncio.run(cached(first)) == {"theme": "dark"}
    assert (first.fetches, second.fetches) == (1, 1)


def test_a_failed_fetch_is_not_kept() -> None:
    cached = _helpers().cached_result(_Account.settings)
    account = _Account(fail=True)
    with pytest.raises(LookupError):
        asyncio.run(cached(account))
    account.fail = False
    assert asyncio.run(cached(account)) == {"theme": "dark"}
    assert account.fetches == 2
