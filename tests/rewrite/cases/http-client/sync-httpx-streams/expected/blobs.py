import json

import httpx
from asgiref.sync import sync_to_async

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop

open_async = sync_to_async(open, thread_sensitive=False)


class Blobs:
    def __init__(self, base):
        def _new_http() -> httpx.AsyncClient:
            return httpx.AsyncClient(base_url=base, timeout=10, verify=TLS_CONTEXT)

        self._http = AsyncClientPerLoop(_new_http)

    async def download(self, name, path):
        async with self._http.stream("GET", f"/blobs/{name}") as resp:
            resp.raise_for_status()
            with await open_async(path, "wb") as fh:
                async for chunk in resp.aiter_bytes(4):
                    fh.write(chunk)
        return path

    async def events(self):
        async with self._http.stream("GET", "/events") as resp:
            async for line in resp.aiter_lines():
                if line:
                    yield json.loads(line)

    async def head_of(self, name):
        async with self._http.stream("GET", f"/blobs/{name}") as resp:
            await resp.aread()
            return resp.text[:3]

    async def aclose(self):
        await self._http.aclose()


async def size(url):
    total = 0
    async with httpx.AsyncClient(verify=TLS_CONTEXT) as http_client, http_client.stream(
        "GET", url
    ) as resp:
        async for chunk in resp.aiter_bytes():
            total += len(chunk)
    return total


async def first_event(base):
    blobs = Blobs(base)
    try:
        return next(iter([item async for item in blobs.events()]))
    finally:
        await blobs.aclose()
