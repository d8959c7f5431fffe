"""Async helpers shared by the migrated code of this package.

Written by ``migrate apply`` (and extended when a later step needs more);
needs only the standard library and httpx.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
from collections.abc import AsyncIterator, Awaitable, Iterator
from typing import Any

import httpx

# One TLS context for every client the package makes: httpx would load the CA
# bundle again for each one (~15 ms), and where sync code runs each call on a
# new event loop, a client lives one call.
TLS_CONTEXT = httpx.create_ssl_context()


def _request_log_at_debug(record: logging.LogRecord) -> bool:
    """httpx logs each request at INFO, where urllib3 logged it at DEBUG: a
    program logging at INFO would print a line it never printed."""
    if record.levelno != logging.INFO:
        return True
    record.levelno, record.levelname = logging.DEBUG, "DEBUG"
    return logging.getLogger(record.name).isEnabledFor(logging.DEBUG)


logging.getLogger("httpx").addFilter(_request_log_at_debug)


#: What a gather takes: a call, a tuple of one item's calls, or a generator
#: (or ``map``) of either: ``(fetch(x) for x in xs)``.
Calls = Awaitable[Any] | tuple[Awaitable[Any], ...] | Iterator[Any] | AsyncIterator[Any]


async def _calls_made(calls: tuple[Calls, ...]) -> tuple[list[Any], Exception | None]:
    """The calls (and tuples of calls) ``calls`` holds, a generator's made
    item by item; and what a generator raised while making one. The loop a
    gather replaces raised it after making the calls before it, which the
    gather still makes: none is left never awaited. Anything else is a call,
    awaited as it is (a plain value fails there, as it did)."""
    made: list[Any] = []
    try:
        for call in calls:
            if inspect.isasyncgen(call):
                async for each in call:
                    made.append(each)
            elif inspect.isgenerator(call) or isinstance(call, map):
                for each in call:
                    made.append(each)
            else:
                made.append(call)
    except Exception as error:
        return made, error
    return made, None


async def gather_in_order(
    *calls: Calls,
    limit: int | None = None,
    return_exceptions: bool = False,
    raise_for_status: bool = False,
) -> list[Any]:
    """Await ``calls`` concurrently (``limit`` at a time); results in order.

    Like the sequential code it replaces, it raises the exception of the first
    call (in order) that fails, and cancels the calls after it as soon as it
    fails. A tuple of calls (an item's calls) gives the tuple of their results;
    a generator gives its calls, one result each. With ``return_exceptions``,
    every call runs and a failure takes its result's place. With
    ``raise_for_status``, a response with a 4xx or 5xx status fails its call,
    as the code checking it right after the call stopped there.
    """
    made, unmade = await _calls_made(calls)
    semaphore = asyncio.Semaphore(limit) if limit else None
    flat = [c for item in made for c in (item if isinstance(item, tuple) else (item,))]
    tasks: list[asyncio.Future[Any]] = []

    async def run(index: int, call: Awaitable[Any]) -> Any:
        if semaphore is not None:
            await semaphore.acquire()
        try:
            result = await call
            if raise_for_status and result.is_error:
                result.raise_for_status()
            return result
        except Exception:
            stop_after(index)  # before its slot frees: no later call starts
            raise
        finally:
            if semaphore is not None:
                semaphore.release()

    def stop_after(index: int) -> None:
        if not return_exceptions:
            for later in tasks[index + 1 :]:
                # A call after a failure: its result is never used.
                later.cancel()

    tasks += [asyncio.ensure_future(run(i, call)) for i, call in enumerate(flat)]
    try:
        if return_exceptions:
            results = list(await asyncio.gather(*tasks, return_exceptions=True))
        else:
            results = [await task for task in tasks]
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        for call in flat:
            # A call cancelled before it started was never awaited: close it.
            if inspect.iscoroutine(call):
                call.close()
    done = iter(results)
    grouped: list[Any] = []
    for item in made:
        if isinstance(item, tuple):
            grouped.append(tuple(next(done) for _ in item))
        else:
            grouped.append(next(done))
    if unmade is not None:
        raise unmade
    return grouped
