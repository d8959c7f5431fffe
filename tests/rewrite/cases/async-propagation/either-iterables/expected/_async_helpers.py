"""Async helpers shared by the migrated code of this package.

Written by ``migrate apply`` (and extended when a later step needs more);
needs only the standard library and httpx.
"""

from __future__ import annotations

from collections.abc import AsyncIterable, AsyncIterator, Iterable, Iterator
from typing import Any


def async_iter(items: Iterable[Any] | AsyncIterable[Any]) -> AsyncIterator[Any]:
    """An async iterator over ``items``, a plain iterable or an async one: what
    a function gives that returns either (``Union[Pager, list[Item]]``) is
    iterated with ``async for`` through it. An async iterable gives its own
    iterator, so a loop that stops early fetches no more than it did."""
    if isinstance(items, AsyncIterable):
        return aiter(items)
    return _PlainItems(iter(items))


class _PlainItems:
    def __init__(self, items: Iterator[Any]) -> None:
        self._items = items

    def __aiter__(self) -> _PlainItems:
        return self

    async def __anext__(self) -> Any:
        try:
            return next(self._items)
        except StopIteration:
            raise StopAsyncIteration from None
