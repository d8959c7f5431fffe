import json

import httpx
from asgiref.sync import sync_to_async

from ._async_helpers import TLS_CONTEXT, AsyncClientPerLoop

open_async = sync_to_async(open, thread_sensitive=False)

BASE = "http://api.example.com"


class Api:
    def __init__(self, base):
        self.base = base

        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        await self.session.aclose()

    async def get(self, path):
        response = await self.session.get(self.base + path, timeout=5)
        if response.is_error:
            response.raise_for_status()
        return response.json()


async def save(path, out):
    async with Api(BASE) as api:
        with await open_async(out, "w") as f:
            json.dump(await api.get(path), f)
    with await open_async(out) as f:
        return f.read()


async def save_twice(path, out):
    with await open_async(out, "w") as f:  # both
        async with Api(BASE) as api:
            with await open_async(out + ".bak", "w") as g:
                data = await api.get(path)
                json.dump(data, f)
                json.dump(data, g)
    with await open_async(out) as f, await open_async(out + ".bak") as g:
        return f.read(), g.read()


async def download(path, out):
    with await open_async(out, "wb") as f:
        async with (
            httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            ) as http_client,
            http_client.stream("GET", BASE + path, timeout=5) as response,
        ):
            if response.is_error:
                response.raise_for_status()
            async for chunk in response.aiter_bytes(4):
                f.write(chunk)
    with await open_async(out, "rb") as f:
        return f.read().decode()
