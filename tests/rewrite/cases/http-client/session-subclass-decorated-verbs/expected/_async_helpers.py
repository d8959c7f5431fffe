"""Async helpers shared by the migrated code of this package.

Written by ``migrate apply`` (and extended when a later step needs more);
needs only the standard library and httpx.
"""

from __future__ import annotations

import io
import logging
import os
from collections.abc import Mapping
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


def httpx_kwargs(kwargs: dict[str, Any]) -> dict[str, Any]:
    """requests' keywords, passed on as ``**kwargs``, as httpx takes them.

    Callers keep the names they used with requests: ``allow_redirects`` is
    ``follow_redirects``, a ``(connect, read)`` timeout an ``httpx.Timeout``, a
    str/bytes ``data`` is ``content``, ``stream`` goes (the response is read
    whole), and query parameters and form fields are sent as requests sends
    them (see ``requests_values``). httpx sets
    ``verify``, ``cert``, ``proxies`` and ``hooks`` on the client only: they
    raise TypeError here, as they would in httpx, unless they ask for what the
    client does anyway (None, ``verify=True``, no proxies, no hooks).
    """
    # None means requests' default, except no redirects or no timeout for
    # these two.
    out = {
        key: value
        for key, value in kwargs.items()
        if value is not None or key in ("allow_redirects", "timeout")
    }
    if "allow_redirects" in out:
        out["follow_redirects"] = out.pop("allow_redirects")
    timeout = out.get("timeout")
    if isinstance(timeout, tuple):
        connect, read = timeout
        out["timeout"] = httpx.Timeout(None, connect=connect, read=read)
    if isinstance(out.get("data"), (str, bytes)):
        out["content"] = out.pop("data")
    for name in ("params", "data"):
        if name in out:
            out[name] = requests_values(out[name])
    if "files" in out:
        out["files"] = requests_files(out["files"])
    out.pop("stream", None)
    if out.get("verify") is True:
        # The client verifies, with the CA bundle requests used.
        del out["verify"]
    for name in ("proxies", "hooks"):
        if name in out and not any(out[name].values()):
            del out[name]
    for name in ("verify", "cert", "proxies", "hooks"):
        if name in out:
            raise TypeError(f"{name}= is set on the httpx client, not per request")
    return out
