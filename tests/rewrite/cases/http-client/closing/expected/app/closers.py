import asyncio
from contextlib import aclosing

import httpx
from asgiref.sync import sync_to_async

from ._async_helpers import TLS_CONTEXT, AsyncClientPerLoop, gather_in_order

open_async = sync_to_async(open, thread_sensitive=False)

BASE = "http://api.example.com"


class Feed:
    def __init__(self, base):
        self.base = base

        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)

    async def items(self):
        return (await self.session.get(self.base + "/items", timeout=5)).json()

    async def aclose(self):
        await self.session.aclose()


async def download(path, out):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client, http_client.stream("GET", BASE + path, timeout=5) as response:
        with await open_async(out, "wb") as f:
            if response.is_error:
                response.raise_for_status()
            async for chunk in response.aiter_bytes(4):
                f.write(chunk)
    with await open_async(out, "rb") as f:
        return f.read().decode()


async def status(path):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as session:
        return (await session.get(BASE + path, timeout=5)).status_code


async def statuses(paths):
    session = httpx.AsyncClient(follow_redirects=True, timeout=None, verify=TLS_CONTEXT)
    session.headers["X-Client"] = "closers"
    async with aclosing(session):
        responses = await gather_in_order(
            (session.get(BASE + path, timeout=5) for path in paths), limit=10
        )
        return [response.status_code for response in responses]


async def feed_items():
    async with aclosing(Feed(BASE)) as feed:
        return await feed.items()


async def main():
    async with aclosing(Feed(BASE)) as feed:
        print(await feed.items())


if __name__ == "__main__":
    asyncio.run(main())
