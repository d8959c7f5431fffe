"""Async helpers shared by the migrated code of this package.

Written by ``migrate apply`` (and extended when a later step needs more);
needs only the standard library and httpx and asgiref.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Mapping
from concurrent.futures import ThreadPoolExecutor
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


def block_on(call: Awaitable[Any]) -> Any:
    """Wait for ``call`` from sync code Python runs itself (``__eq__``,
    ``__str__``, ``__call__``...), wherever that runs: off the event loop as
    ``async_to_sync`` does; on a thread whose loop is running (async code
    comparing, printing, calling), where ``async_to_sync`` raises, on a loop of
    its own on a worker thread, this thread waiting for it as the legacy call
    blocked it."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return async_to_sync(_awaited)(call)
    with ThreadPoolExecutor(1) as worker:
        return worker.submit(asyncio.run, _awaited(call)).result()


async def _awaited(call: Awaitable[Any]) -> Any:
    return await call


def requests_values(items: Any) -> Any:
    """Query parameters or form fields as requests sends them: without those
    whose value is None (or the None items of a list), which httpx would send
    empty (``page=``), with bools as ``True``/``False``, which httpx sends as
    ``true``/``false``, and bytes as the text they encode, which httpx would
    send as ``b'...'`` (bytes names too, which a multipart form refuses). A
    dict, or a list of pairs; anything else (a string, bytes, a file) is
    returned as it is."""
    if isinstance(items, Mapping):
        kept: dict[Any, Any] = {}
        for key, value in items.items():
            if isinstance(value, (list, tuple)):
                value = [_as_sent(item) for item in value if item is not None]
            if value is not None:
                kept[_field_name(key)] = _as_sent(value)
        return kept
    if not isinstance(items, (list, tuple)):
        return items
    pairs: list[tuple[Any, Any]] = []
    for key, value in items:
        values = value if isinstance(value, (list, tuple)) else [value]
        name = _field_name(key)
        pairs += [(name, _as_sent(item)) for item in values if item is not None]
    return pairs


def _field_name(key: Any) -> Any:
    return key.decode() if isinstance(key, bytes) else key


def _as_sent(value: Any) -> Any:
    if isinstance(value, bytes):
        return value.decode()
    return str(value) if isinstance(value, bool) else value
