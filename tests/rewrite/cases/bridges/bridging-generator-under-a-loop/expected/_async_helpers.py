"""Async helpers shared by the migrated code of this package.

Written by ``migrate apply`` (and extended when a later step needs more);
needs only the standard library and httpx and asgiref.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterable
from typing import Any

import httpx
from asgiref.sync import sync_to_async

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


async def thread_items(items: Iterable[Any], **bridge: bool) -> AsyncIterator[Any]:
    """The items of a sync generator that blocks (reading a file, a database),
    each made on a worker thread, as ``async for`` takes them: the event loop
    runs on meanwhile. ``thread_sensitive=True`` makes every item on the one
    thread asgiref keeps for code bound to its thread (a sqlite3
    connection)."""
    step = sync_to_async(next, thread_sensitive=bridge.get("thread_sensitive", False))
    iterator = iter(items)
    while (item := await step(iterator, _NO_ITEM)) is not _NO_ITEM:
        yield item


_NO_ITEM = object()
