"""Async helpers shared by the migrated code of this package.

Written by ``migrate apply`` (and extended when a later step needs more);
needs only the standard library and httpx.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import inspect
from collections.abc import Awaitable, Coroutine
from typing import Any, TypeVar

import httpx

# One TLS context for every client the package makes: httpx would load the CA
# bundle again for each one (~15 ms), and under Flask a client lives one request.
TLS_CONTEXT = httpx.create_ssl_context()


#: Scheme, host and port (None for the scheme's default).
Origin = tuple[bytes, bytes, int | None]


class PoolPerOrigin(httpx.AsyncBaseTransport):
    """A connection pool per origin, for a client that serves a whole process.

    httpcore's pool checks every connection it holds, polling each idle one's
    socket, on every request and every response (encode/httpx#3215): in one
    pool for all upstreams, each call pays for the connections of all of them.
    Each origin gets its own ``httpx.AsyncHTTPTransport(**settings)``. Without
    ``limits``, like requests' pool, none makes a call wait for a connection
    or drops the ones it opened (idle ones close after ``keepalive_expiry``).
    """

    def __init__(self, **settings: Any) -> None:
        unbounded = httpx.Limits(max_connections=None, max_keepalive_connections=None)
        self._settings = {"limits": unbounded, **settings}
        self._pools: dict[Origin, httpx.AsyncHTTPTransport] = {}

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        url = request.url
        origin: Origin = url.raw_scheme, url.raw_host, url.port
        pool = self._pools.get(origin)
        if pool is None:
            pool = self._pools[origin] = httpx.AsyncHTTPTransport(**self._settings)
        return await pool.handle_async_request(request)

    async def aclose(self) -> None:
        for pool in self._pools.values():
            await pool.aclose()


async def gather_in_order(
    *calls: Awaitable[Any] | tuple[Awaitable[Any], ...],
    limit: int | None = None,
    return_exceptions: bool = False,
) -> list[Any]:
    """Await ``calls`` concurrently, at most ``limit`` at a time; results in order.

    Like the sequential code it replaces, it raises the exception of the first
    call (in order) that fails, and cancels the calls after it. With
    ``return_exceptions``, every call runs and a failure takes its result's place.
    A tuple of calls (an item's calls) gives the tuple of their results.
    """
    semaphore = asyncio.Semaphore(limit) if limit else None
    flat = [c for item in calls for c in (item if isinstance(item, tuple) else (item,))]

    async def run(call: Awaitable[Any]) -> Any:
        if semaphore is None:
            return await call
        async with semaphore:
            return await call

    tasks = [asyncio.ensure_future(run(call)) for call in flat]
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
    if not any(isinstance(item, tuple) for item in calls):
        return results
    grouped: list[Any] = []
    done = iter(results)
    for item in calls:
        if isinstance(item, tuple):
            grouped.append(tuple(next(done) for _ in item))
        else:
            grouped.append(next(done))
    return grouped


T = TypeVar("T")


def run_coroutine(main: Coroutine[Any, Any, T]) -> T:
    """``asyncio.run(main)`` from sync code, also where an event loop already runs.

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
