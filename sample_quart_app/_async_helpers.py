"""Async helpers shared by the migrated code of this package.

Written by ``migrate apply`` (and extended when a later step needs more);
needs only the standard library and httpx.
"""

from __future__ import annotations

import asyncio
import collections
import concurrent.futures
import inspect
import logging
import ssl
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine, Iterator
from typing import Any, TypeVar

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


#: Scheme, host and port (None for the scheme's default).
Origin = tuple[bytes, bytes, int | None]


class PoolPerOrigin(httpx.AsyncBaseTransport):
    """Kept-alive connections per origin, for a client serving a whole process.

    httpcore's pool checks every connection it holds, polling each idle one's
    socket, on every request and every response (encode/httpx#3215): a call
    costs CPU for each connection of its pool, and a process-wide pool holds
    as many as were ever busy at once. Here each connection is a pool of its
    own (``httpx.AsyncHTTPTransport(**settings)`` holding one connection): a
    call takes its origin's most recently used idle one, or opens one, and
    gives it back when its response is closed, so it pays for its own
    connection only. Without ``limits``, like requests' pool, none makes a call
    wait for a connection or drops one that is in use; idle ones close after
    ``keepalive_expiry``. ``limits`` apply per origin. Under HTTP/2, where one
    connection carries many calls, each origin has one pool.
    """

    def __init__(self, **settings: Any) -> None:
        self._limits = settings.pop("limits", None) or httpx.Limits(
            max_connections=None, max_keepalive_connections=None
        )
        if not isinstance(settings.get("verify"), ssl.SSLContext):
            # Made once: each pool would load the CA bundle again (~15 ms).
            settings["verify"] = httpx.create_ssl_context(
                verify=settings.get("verify", True),
                cert=settings.pop("cert", None),
                trust_env=settings.get("trust_env", True),
            )
        self._settings = settings
        self._origins: dict[Origin, _OriginConnections] = {}
        self._shared: dict[Origin, httpx.AsyncHTTPTransport] = {}

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        url = request.url
        origin: Origin = url.raw_scheme, url.raw_host, url.port
        if self._settings.get("http2"):
            pool = self._shared.get(origin)
            if pool is None:
                pool = httpx.AsyncHTTPTransport(limits=self._limits, **self._settings)
                self._shared[origin] = pool
            return await pool.handle_async_request(request)
        connections = self._origins.get(origin)
        if connections is None:
            connections = _OriginConnections(self._limits, self._settings)
            self._origins[origin] = connections
        return await connections.send(request)

    async def aclose(self) -> None:
        for connections in self._origins.values():
            await connections.aclose()
        for pool in self._shared.values():
            await pool.aclose()


#: Idle connections, and since when.
Idle = collections.deque[tuple[float, httpx.AsyncHTTPTransport]]


class _OriginConnections:
    """One origin's connections, each a pool of its own.

    The idle ones are kept oldest first.
    """

    def __init__(self, limits: httpx.Limits, settings: dict[str, Any]) -> None:
        self._limits = limits
        self._settings = {
            "limits": httpx.Limits(
                max_connections=1,
                max_keepalive_connections=1,
                keepalive_expiry=limits.keepalive_expiry,
            ),
            **settings,
        }
        self._idle: Idle = collections.deque()
        self._busy: set[httpx.AsyncHTTPTransport] = set()
        most = limits.max_connections
        self._free = asyncio.Semaphore(most) if most is not None else None

    async def send(self, request: httpx.Request) -> httpx.Response:
        if self._free is not None:
            await self._free.acquire()
        try:
            connection = await self._take()
        except BaseException:
            if self._free is not None:
                self._free.release()
            raise
        try:
            response = await connection.handle_async_request(request)
        except BaseException:
            self._give_back(connection)
            raise
        assert isinstance(response.stream, httpx.AsyncByteStream)
        response.stream = _GivesBack(response.stream, connection, self._give_back)
        return response

    async def _take(self) -> httpx.AsyncHTTPTransport:
        expiry = self._limits.keepalive_expiry
        keep = self._limits.max_keepalive_connections
        now = time.monotonic()
        while self._idle and (
            (expiry is not None and now - self._idle[0][0] > expiry)
            or (keep is not None and len(self._idle) > keep)
        ):
            await self._idle.popleft()[1].aclose()
        if self._idle:
            connection = self._idle.pop()[1]
        else:
            connection = httpx.AsyncHTTPTransport(**self._settings)
        self._busy.add(connection)
        return connection

    def _give_back(self, connection: httpx.AsyncHTTPTransport) -> None:
        self._busy.discard(connection)
        self._idle.append((time.monotonic(), connection))
        if self._free is not None:
            self._free.release()

    async def aclose(self) -> None:
        connections = [*self._busy, *(connection for _, connection in self._idle)]
        self._busy.clear()
        self._idle.clear()
        for connection in connections:
            await connection.aclose()


class _GivesBack(httpx.AsyncByteStream):
    """A response body that gives its connection back once closed."""

    def __init__(
        self,
        stream: httpx.AsyncByteStream,
        connection: httpx.AsyncHTTPTransport,
        give_back: Callable[[httpx.AsyncHTTPTransport], None],
    ) -> None:
        self._stream = stream
        self._connection = connection
        self._give_back: Callable[[httpx.AsyncHTTPTransport], None] | None = give_back

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for chunk in self._stream:
            yield chunk

    async def aclose(self) -> None:
        try:
            await self._stream.aclose()
        finally:
            give_back, self._give_back = self._give_back, None
            if give_back is not None:
                give_back(self._connection)


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


T = TypeVar("T")


def run_coroutine(main: Coroutine[Any, Any, T]) -> T:
    """``asyncio.run(main)`` from sync code, even where an event loop runs.

    An ASGI server may call the app factory on its own loop (``uvicorn
    --factory`` does), where ``asyncio.run`` refuses to start: there ``main``
    runs on a loop of its own in a worker thread, and this call waits for it.
    """
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(main)
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, main).result()
