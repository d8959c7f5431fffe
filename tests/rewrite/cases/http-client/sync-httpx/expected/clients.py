import asyncio
import threading
import weakref
from collections.abc import Callable
from typing import Any

import httpx

# One TLS context for every client made here: httpx would load the CA
# bundle again for each one (~15 ms), and under Flask a client lives one request.
_TLS_CONTEXT = httpx.create_ssl_context()


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


# migrate: `client` was a httpx.Client; it is now one httpx.AsyncClient per event loop (docs/client-lifetime.md).
def _new_client() -> httpx.AsyncClient:
    # The same settings as the sync client it replaces.
    client = httpx.AsyncClient(base_url="https://api.example.com", timeout=10, verify=_TLS_CONTEXT)
    return client


client = _AsyncClientPerLoop(_new_client)


async def fetch_one_off(url):
    async with httpx.AsyncClient(verify=_TLS_CONTEXT) as http_client:
        return (await http_client.get(url)).json()


async def fetch_shared(path):
    resp = await client.get(path)
    if resp.is_error:
        resp.raise_for_status()
    return resp.json()
