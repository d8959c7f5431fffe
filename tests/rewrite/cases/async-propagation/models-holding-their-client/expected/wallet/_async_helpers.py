"""Async helpers shared by the migrated code of this package.

Written by ``migrate apply`` (and extended when a later step needs more);
needs only the standard library and httpx.
"""

from __future__ import annotations

import asyncio
import inspect
import io
import logging
import os
import threading
import weakref
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

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


if TYPE_CHECKING:
    # Type checkers see the client it hands out: ``session.get(...)`` keeps
    # httpx's types. At run time every attribute is the running loop's
    # client's.
    _ClientBase = httpx.AsyncClient
else:
    _ClientBase = object

# What setting on a session sets up the clients it stands for.
_CLIENT_SETTINGS = frozenset(
    {
        "auth",
        "base_url",
        "cookies",
        "event_hooks",
        "follow_redirects",
        "headers",
        "max_redirects",
        "params",
        "timeout",
    }
)
# The wrapper's own state: any other attribute set on it sets its clients up.
_OWN_STATE = frozenset(
    {"_make_client", "_latest", "_loop_clients", "_closers", "_guard", "_carried"}
)


class AsyncClientPerLoop(_ClientBase):
    """One httpx.AsyncClient per running event loop, made by ``factory``.

    Sync code calling async code (asyncio.run, asgiref's async_to_sync) runs
    each call on a new event loop, and a client must not be used on a loop
    other than its own (encode/httpx#2473). Each loop gets its own client,
    reused by every request made on that loop and closed on it when the
    loop's runner cancels what is left at shutdown. A new loop's client
    starts from the session as the last one left it (headers, auth, query
    parameters, timeouts...), and all of them share one cookie jar: a login
    made during one call holds for the next, as it did on the one session the
    code had.
    """

    def __init__(self, factory: Callable[[], httpx.AsyncClient]) -> None:
        self._make_client = factory
        self._latest: httpx.AsyncClient | None = None
        self._loop_clients: weakref.WeakKeyDictionary[
            asyncio.AbstractEventLoop, httpx.AsyncClient
        ] = weakref.WeakKeyDictionary()
        self._closers: set[asyncio.Task[None]] = set()
        self._guard = threading.Lock()
        # What a new client copies from the latest one.
        self._carried = set(_CLIENT_SETTINGS - {"cookies"})

    def __getattr__(self, name: str) -> Any:
        try:
            client = self._running_client()
        except RuntimeError:
            if not inspect.iscoroutinefunction(getattr(httpx.AsyncClient, name, None)):
                # Sync code setting the session up
                # (``session.headers.update(...)``) where no loop runs: the
                # next loop's client starts from this one.
                return getattr(self._idle_client(), name)

            # Looked up where no loop runs (``async_to_sync(session.get)`` in
            # sync code): the call picks the client of the loop it runs on.
            async def on_running_loop(*args: Any, **kwargs: Any) -> Any:
                return await getattr(self._running_client(), name)(*args, **kwargs)

            return on_running_loop
        return getattr(client, name)

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _OWN_STATE or (name not in _CLIENT_SETTINGS and callable(value)):
            # Its own state, or a test's patch.
            object.__setattr__(self, name, value)
            return
        # ``session.auth = ...`` (or ``session.token = ...`` on a subclass's)
        # sets the session up: every loop's client, and the latest one (its
        # loop may be gone), which the next loop's copies.
        with self._guard:
            clients = {self._latest or self._new_client(), *self._loop_clients.values()}
            if name != "cookies":
                self._carried.add(name)
        for client in clients:
            setattr(client, name, value)

    def _running_client(self) -> httpx.AsyncClient:
        loop = asyncio.get_running_loop()
        with self._guard:
            client = self._loop_clients.get(loop)
            if client is None:
                client = self._loop_clients[loop] = self._new_client()
                closer = loop.create_task(self._close_at_shutdown(client))
                self._closers.add(closer)
                closer.add_done_callback(self._closers.discard)
        return client

    def _idle_client(self) -> httpx.AsyncClient:
        with self._guard:
            return self._latest or self._new_client()

    def _new_client(self) -> httpx.AsyncClient:
        client = self._make_client()
        if self._latest is not None:
            for name in self._carried:
                setattr(client, name, getattr(self._latest, name))
            client.cookies = self._latest.cookies.jar  # one jar, shared
        self._latest = client
        return client

    def close(self) -> None:
        """``session.close()`` in sync code: close the idle loops' clients.

        A running loop's client closes when that loop shuts down, as the
        clients of asyncio.run's and async_to_sync's loops already have.
        """
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            pass
        else:
            return
        with self._guard:
            idle = [loop for loop in self._loop_clients if not loop.is_running()]
            clients = [(loop, self._loop_clients.pop(loop)) for loop in idle]
        for loop, client in clients:
            if not loop.is_closed():
                loop.run_until_complete(client.aclose())

    @staticmethod
    async def _close_at_shutdown(client: httpx.AsyncClient) -> None:
        try:
            await asyncio.Event().wait()
        except asyncio.CancelledError:
            # Its loop shuts down. A loop closed without cancelling what it
            # still held throws GeneratorExit here instead, with no loop left
            # to close on.
            await client.aclose()
            raise


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
