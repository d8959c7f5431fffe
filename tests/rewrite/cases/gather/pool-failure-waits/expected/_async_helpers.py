"""Async helpers shared by the migrated code of this package.

Written by ``migrate apply`` (and extended when a later step needs more);
needs only the standard library and httpx.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
from collections.abc import AsyncIterator, Awaitable, Iterable
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


class TaskPool:
    """A thread pool's ``submit`` and ``as_completed``, on the event loop.

    At most ``limit`` submitted calls run at once. ``as_completed`` hands back
    the tasks themselves as they finish (so ``futures[future]`` still finds
    what was submitted), like ``concurrent.futures.as_completed``. Leaving the
    block, even by an exception, ``return`` or ``break``, waits for every
    submitted call to run to its end (``limit`` at a time), as leaving a
    ``ThreadPoolExecutor`` block did. Only a cancellation (a timeout around
    the block) or Ctrl-C cancels the calls left, and closes those that never
    started. A failure nobody took with ``result()`` is retrieved, not raised.
    """

    def __init__(self, limit: int | None = None) -> None:
        self._semaphore = asyncio.Semaphore(limit) if limit else None
        self._calls: list[Awaitable[Any]] = []
        self._tasks: list[asyncio.Task[Any]] = []

    async def __aenter__(self) -> TaskPool:
        return self

    async def __aexit__(self, kind: object, error: object, traceback: object) -> None:
        if isinstance(error, (asyncio.CancelledError, KeyboardInterrupt)):
            for task in self._tasks:
                task.cancel()
        try:  # cancelled here, gather cancels the tasks and waits for them
            await asyncio.gather(*self._tasks, return_exceptions=True)
        finally:  # closes the calls that never started (a no-op on the others)
            for call in self._calls:
                if inspect.iscoroutine(call):
                    call.close()

    def submit(self, call: Awaitable[Any]) -> asyncio.Task[Any]:
        async def run() -> Any:
            if self._semaphore is None:
                return await call
            async with self._semaphore:
                return await call

        task = asyncio.ensure_future(run())
        self._calls.append(call)
        self._tasks.append(task)
        return task

    async def as_completed(
        self, tasks: Iterable[asyncio.Task[Any]]
    ) -> AsyncIterator[asyncio.Task[Any]]:
        pending, first = set(tasks), asyncio.FIRST_COMPLETED
        while pending:
            done, pending = await asyncio.wait(pending, return_when=first)
            for task in sorted(done, key=self._tasks.index):
                yield task
