"""Async helpers shared by the migrated code of this package.

Written by ``migrate apply`` (and extended when a later step needs more);
needs only the standard library and httpx.
"""

from __future__ import annotations

import asyncio
import io
import logging
import os
from collections.abc import AsyncIterator, Iterable, Mapping
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


def requests_body(data: Any) -> dict[str, Any]:
    """requests' ``data=`` as httpx takes it: a form (a dict, or pairs that may
    repeat a key) as ``data=``, the fields as requests sends them (see
    requests_values); raw bytes or text as ``data=`` still, which httpx sends
    as they are (a DeprecationWarning names ``content=``); a file's content or
    an iterator's chunks as ``content=``."""
    if data is None:
        return {}
    if isinstance(data, Mapping):
        return {"data": requests_values(data)}
    if isinstance(data, (list, tuple)):
        form: dict[Any, list[Any]] = {}
        for key, value in requests_values(data):
            form.setdefault(key, []).append(value)
        return {"data": form}
    if isinstance(data, (str, bytes)):
        return {"data": data}  # as the code gave it: a test may check the call
    if hasattr(data, "read"):
        return {"content": data.read()}
    return {"content": _chunks(data)}


async def _chunks(items: Iterable[Any]) -> AsyncIterator[bytes]:
    # Each chunk is made on a worker thread: a generator reading a file would
    # block the event loop once per chunk.
    chunks = iter(items)
    while (chunk := await asyncio.to_thread(next, chunks, _END)) is not _END:
        yield chunk.encode() if isinstance(chunk, str) else chunk


_END = object()


def requests_files(files: Any) -> Any:
    """requests' ``files=`` as httpx sends them alike: a file opened in text
    mode (or a StringIO), which httpx refuses, read and sent as UTF-8, as
    requests sent it; a file with no name of its own (bytes, a str) named after
    its field, as requests named it, where httpx would say ``upload``; a None
    file left out. The files as given where nothing differs (a test may check
    the call)."""
    items = list(files.items()) if isinstance(files, Mapping) else files
    if not isinstance(items, (list, tuple)):
        return files
    sent = [(field, _file_as_sent(field, value)) for field, value in items]
    if all(new is old for (_, new), (_, old) in zip(sent, items, strict=True)):
        return files
    kept = [(field, value) for field, value in sent if value is not None]
    return dict(kept) if isinstance(files, Mapping) else kept


def _file_as_sent(field: Any, value: Any) -> Any:
    if isinstance(value, (tuple, list)):
        name, content, *rest = value
        if isinstance(content, io.TextIOBase):
            return (name, content.read().encode(), *rest)
        return None if content is None else value
    if value is None:
        return None
    name = _file_name(value) or field
    if isinstance(value, io.TextIOBase):
        return (name, value.read().encode())
    return value if name == _file_name(value) else (name, value)


def _file_name(value: Any) -> str | None:
    name = getattr(value, "name", None)
    if isinstance(name, str) and name and name[0] != "<" and name[-1] != ">":
        return os.path.basename(name)
    return None
