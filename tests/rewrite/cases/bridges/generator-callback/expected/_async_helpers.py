"""Async helpers shared by the migrated code of this package.

Written by ``migrate apply`` (and extended when a later step needs more);
needs only the standard library and httpx and asgiref.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
from asgiref.sync import async_to_sync

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


async def collect(items: AsyncIterator[Any], limit: int | None = None) -> list[Any]:
    """The items of an async generator, in order: sync code reads a generator
    that became async with ``async_to_sync(collect)(gen(...))``. With ``limit``
    it stops after that many items and closes the generator, which fetches no
    further, as a sync ``next(gen())`` left the rest unfetched."""
    found: list[Any] = []
    try:
        async for item in items:
            found.append(item)
            if limit is not None and len(found) >= limit:
                break
    finally:
        aclose = getattr(items, "aclose", None)
        if aclose is not None:
            await aclose()
    return found


def collecting(function: Callable[..., AsyncIterator[Any]]) -> Callable[..., list[Any]]:
    """A generator function that became async, handed to sync code that
    iterates what it gives: each call gives its items, collected on one event
    loop."""

    def items(*args: Any, **kwargs: Any) -> list[Any]:
        return async_to_sync(collect)(function(*args, **kwargs))

    return items
