"""A client class holding a session, a factory and a shared default instance."""

import asyncio
import os
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


class SocialApi:
    def __init__(self, base_url, timeout=5):
        self.base_url = base_url
        self.timeout = timeout

        # migrate: self.session was a requests.Session; it is now one httpx.AsyncClient per event loop (docs/client-lifetime.md).
        def _new_session() -> httpx.AsyncClient:
            session = httpx.AsyncClient(follow_redirects=True, timeout=None, verify=_TLS_CONTEXT)
            session.headers["X-Api-Key"] = os.environ.get("API_KEY", "")
            return session

        self.session = _AsyncClientPerLoop(_new_session)

    async def user(self, uid):
        resp = await self.session.get(f"{self.base_url}/v1/users/{uid}", timeout=self.timeout)
        if resp.is_error:
            resp.raise_for_status()
        return resp.json()

    async def following(self, uid):
        resp = await self.session.get(f"{self.base_url}/v1/users/{uid}/following", timeout=self.timeout)
        if resp.is_error:
            resp.raise_for_status()
        return resp.json()["ids"]

    async def names_followed(self, uid):
        return [(await self.user(other))["name"] for other in await self.following(uid)]


def connect(base_url=None) -> SocialApi:
    return SocialApi(base_url or os.environ["SOCIAL_URL"])


default_api = SocialApi(os.environ.get("SOCIAL_URL", "http://127.0.0.1:9"))
