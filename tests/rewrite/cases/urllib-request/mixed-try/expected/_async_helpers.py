"""Async helpers shared by the migrated code of this package.

Written by ``migrate apply`` (and extended when a later step needs more);
needs only the standard library and httpx.
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Awaitable
from typing import Any


async def gather_in_order(
    *calls: Awaitable[Any], limit: int | None = None, return_exceptions: bool = False
) -> list[Any]:
    """Await ``calls`` concurrently, at most ``limit`` at a time; results in order.

    Like the sequential code it replaces, it raises the exception of the first
    call (in order) that fails, and cancels the calls after it. With
    ``return_exceptions``, every call runs and a failure takes its result's place.
    """
    semaphore = asyncio.Semaphore(limit) if limit else None

    async def run(call: Awaitable[Any]) -> Any:
        if semaphore is None:
            return await call
        async with semaphore:
            return await call

    tasks = [asyncio.ensure_future(run(call)) for call in calls]
    try:
        if return_exceptions:
            return list(await asyncio.gather(*tasks, return_exceptions=True))
        return [await task for task in tasks]
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        for call in calls:
            # A call cancelled before it started was never awaited: close it.
            if inspect.iscoroutine(call):
                call.close()
