"""The gather helpers take the calls a generator makes, as they make them.

Run from the helpers module as ``migrate apply`` writes it. A generator
(``(fetch(x) for x in xs)``, ``map(fetch, xs)``, an async generator
expression) is taken item by item: when making an item fails, the calls made
before it still run, as the loop made them, then the failure is raised, and
no coroutine is left never awaited. Anything else is a call: a plain value
(a ``MagicMock`` standing in for an async function) fails when awaited, as
it did, and is never read as an empty generator.
"""

from __future__ import annotations

import asyncio
import gc
import importlib.util
import sys
import warnings
from collections.abc import AsyncIterator
from pathlib import Path
from types import ModuleType
from typing import Any
from unittest.mock import MagicMock

import pytest

from migrate.rewrite.helpers import render


@pytest.fixture
def helpers(tmp_path: Path) -> ModuleType:
    path = tmp_path / "_async_helpers.py"
    path.write_bytes(render(["gather_in_order", "gather_outcomes"]))
    spec = importlib.util.spec_from_file_location("gather_generator_helpers", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


class Upstream:
    """What the calls fetched, in the order they finished."""

    def __init__(self) -> None:
        self.fetched: list[int] = []

    async def fetch(self, item: int) -> int:
        await asyncio.sleep(0.001 * (5 - item % 5))
        self.fetched.append(item)
        return item * 10


def never_awaited(run: Any) -> list[str]:
    """The RuntimeWarnings of coroutines never awaited that ``run()`` leaves."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        run()
        gc.collect()
    return [str(w.message) for w in caught if issubclass(w.category, RuntimeWarning)]


ROWS = [{"sku": 1}, {"sku": 2}, {"qty": 3}, {"sku": 4}]


@pytest.mark.parametrize("helper", ["gather_in_order", "gather_outcomes"])
def test_an_item_whose_call_cannot_be_made_fails_after_the_calls_before_it(
    helpers: ModuleType, helper: str
) -> None:
    upstream = Upstream()
    gather = getattr(helpers, helper)

    async def main() -> None:
        with pytest.raises(KeyError):
            await gather((upstream.fetch(row["sku"]) for row in ROWS), limit=2)

    assert never_awaited(lambda: asyncio.run(main())) == []
    assert sorted(upstream.fetched) == [1, 2]  # as the loop: the items before it


def test_generators_maps_and_async_generators_give_one_result_per_call(
    helpers: ModuleType,
) -> None:
    upstream = Upstream()

    async def items() -> AsyncIterator[int]:
        for item in (3, 1):
            yield item

    async def main() -> list[Any]:
        return [
            await helpers.gather_in_order((upstream.fetch(i) for i in [1, 2]), limit=2),
            await helpers.gather_in_order(map(upstream.fetch, [4, 3]), limit=2),
            await helpers.gather_in_order(upstream.fetch(i) async for i in items()),
            await helpers.gather_in_order(upstream.fetch(7), upstream.fetch(8)),
            await helpers.gather_in_order((upstream.fetch(i), upstream.fetch(-i)) for i in [1]),
        ]

    assert asyncio.run(main()) == [[10, 20], [40, 30], [30, 10], [70, 80], [(10, -10)]]


def test_a_plain_value_is_awaited_as_a_call_and_fails_there(helpers: ModuleType) -> None:
    async def main() -> None:
        # A MagicMock iterates (empty) and is no awaitable: a call that gives it
        # fails loudly, as ``await mock()`` did, rather than gathering nothing.
        with pytest.raises(TypeError, match="can't be used in 'await' expression"):
            await helpers.gather_in_order(MagicMock(), limit=2)

    asyncio.run(main())
