import functools

import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop


class Store:
    def __init__(self, base):
        self.base = base

        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)

    async def send(self, method, path, payload=None):
        send = functools.partial(self.session.request, method.lower())
        response = await send(self.base + path, json=payload, timeout=5)
        if response.is_error:
            response.raise_for_status()
        return response.json()

    async def send_at_once(self, method, path, payload=None):
        response = await self.session.request(
            method.lower(), self.base + path, json=payload, timeout=5
        )
        return response.status_code, response.json()

    async def items(self):
        return await self.send("GET", "/items")

    async def add(self, name):
        return await self.send("POST", "/items", {"name": name})
