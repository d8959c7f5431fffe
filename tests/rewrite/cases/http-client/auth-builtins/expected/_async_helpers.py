"""Async helpers shared by the migrated code of this package.

Written by ``migrate apply`` (and extended when a later step needs more);
needs only the standard library and httpx.
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Awaitable
from typing import Any

import httpx

# One TLS context for every client the package makes: httpx would load the CA
# bundle again for each one (~15 ms), and under Flask a client lives one request.
TLS_CONTEXT = httpx.create_ssl_context()


async def gather_in_order(
    *calls: Awaitable[Any] | tuple[Awaitable[Any], ...],
    limit: int | None = None,
    return_exceptions: bool = False,
    stop_at_failure: bool = False,
) -> list[Any]:
    """Await ``calls`` concurrently, at most ``limit`` at a time; results in order.

    Like the sequential code it replaces, it raises the exception of the first
    call (in order) that fails, and cancels the calls after it; with
    ``stop_at_failure`` it returns the results up to that failure instead, the
    failure in its place, for the caller to raise where the sequential code did.
    A tuple of calls (an item's calls) gives the tuple of their results (None for
    the calls not made). With ``return_exceptions``, every item runs and a failure
    takes its result's place; an item's calls then run one after another and stop
    at its first failure, as they did where the sequential code caught it.
    """
    semaphore = asyncio.Semaphore(limit) if limit else None
    flat = [c for item in calls for c in (item if isinstance(item, tuple) else (item,))]

    async def run(call: Awaitable[Any]) -> Any:
        if semaphore is None:
            return await call
        async with semaphore:
            return await call

    async def in_turn(item: Awaitable[Any] | tuple[Awaitable[Any], ...]) -> Any:
        if not isinstance(item, tuple):
            return await run(item)
        results: list[Any] = [None] * len(item)
        for index, call in enumerate(item):
            try:
                results[index] = await run(call)
            except Exception as error:
                results[index] = error
                break
        return tuple(results)

    if return_exceptions:
        tasks = [asyncio.ensure_future(in_turn(item)) for item in calls]
    else:
        tasks = [asyncio.ensure_future(run(call)) for call in flat]
    try:
        if return_exceptions:
            return list(await asyncio.gather(*tasks, return_exceptions=True))
        results: list[Any] = []
        for task in tasks:
            try:
                results.append(await task)
            except Exception as error:
                if not stop_at_failure:
                    raise
                results.append(error)
                break
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        for call in flat:
            # A call cancelled before it started was never awaited: close it.
            if inspect.iscoroutine(call):
                call.close()
    if not any(isinstance(item, tuple) for item in calls):
        return results
    grouped: list[Any] = []
    done, left = iter(results), len(results)
    for item in calls:
        if left <= 0:
            break  # after a failure handed back: the items never reached
        size = len(item) if isinstance(item, tuple) else 1
        made = tuple(next(done, None) for _ in range(size))
        grouped.append(made if isinstance(item, tuple) else made[0])
        left -= size
    return grouped
