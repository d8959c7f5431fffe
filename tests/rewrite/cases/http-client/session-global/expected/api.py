import asyncio
import threading
import weakref
from collections.abc import Callable
from typing import Any

import httpx

API_KEY = "secret"


class _AsyncClientPerLoop:
    """One httpx.AsyncClient per running event loop, made by ``factory``.

    Flask runs every async view on a new event loop, and a client must not be
    used on a loop other than its own. Each loop gets its own client, reused by
    every request made on that loop and closed on it when the loop's runner
    (asyncio.run, asgiref's async_to_sync) cancels what is left at shutdown.
    Written by migrate; needs only the standard library and httpx.
    """

    def __init__(self, factory: Callable[[], httpx.AsyncClient]) -> None:
        self._factory = factory
        self._clients: weakref.WeakKeyDictionary[
            asyncio.AbstractEventLoop, httpx.AsyncClient
        ] = weakref.WeakKeyDictionary()
        self._closers: set[asyncio.Task[None]] = set()
        self._lock = threading.Lock()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._client(), name)

    def _client(self) -> httpx.AsyncClient:
        loop = asyncio.get_running_loop()
        with self._lock:
            client = self._clients.get(loop)
            if client is None:
                client = self._clients[loop] = self._factory()
                closer = loop.create_task(self._close_at_shutdown(client))
                self._closers.add(closer)
                closer.add_done_callback(self._closers.discard)
        return client

    @staticmethod
    async def _close_at_shutdown(client: httpx.AsyncClient) -> None:
        try:
            await asyncio.Event().wait()
        finally:
            await client.aclose()


# migrate: `session` was a requests.Session; it is now one httpx.AsyncClient per event loop (docs/client-lifetime.md).
def _new_session() -> httpx.AsyncClient:
    # requests follows redirects and never times out by default; httpx does neither.
    session = httpx.AsyncClient(follow_redirects=True, timeout=None, verify="ca.pem")
    session.headers.update({"X-Api-Key": API_KEY})
    session.auth = ("user", "pass")
    # TODO(migrate): MIG001: HTTPAdapter/Retry have no httpx twin (httpx.AsyncHTTPTransport(retries=n) retries connection errors only)
    # session.mount("https://", HTTPAdapter(max_retries=3))
    return session


session = _AsyncClientPerLoop(_new_session)


async def fetch(path):
    resp = await session.get("https://api.example.com" + path, timeout=5)
    if resp.is_error:
        resp.raise_for_status()
    return resp.json()


async def create(path, item):
    return (await session.post("https://api.example.com" + path, json=item, timeout=5)).json()


async def delete(path):
    resp = await session.delete("https://api.example.com" + path, timeout=5)
    return resp.status_code < 400
