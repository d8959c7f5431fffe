"""Async helpers shared by the migrated code of this package.

Written by ``migrate apply`` (and extended when a later step needs more);
needs only the standard library and httpx.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from typing import Any


async def async_items(items: Iterable[Any]) -> AsyncIterator[Any]:
    """The items of ``items``, one by one, as an async iterator: what a test's
    fake gives where the code now takes them with ``async for`` or
    ``anext``."""
    for item in items:
        yield item
