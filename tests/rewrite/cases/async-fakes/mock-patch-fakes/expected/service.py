import asyncio

import httpx

from _async_helpers import TLS_CONTEXT, gather_in_order


async def fetch(url):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (await http_client.get(url, timeout=5)).json()


async def title(url):
    return (await fetch(url))["title"]


async def titles(urls):
    results = await gather_in_order((fetch(url) for url in urls), limit=10)
    return [result["title"] for result in results]


async def wait_for(url, attempts=3):
    for attempt in range(attempts):
        if (await fetch(url)).get("ready"):
            return attempt
        await asyncio.sleep(2)
    return None


class Api:
    def __init__(self, base):
        self.base = base

    async def get(self, path):
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            return (await http_client.get(self.base + path, timeout=5)).json()

    async def name(self, user_id):
        return (await self.get(f"/users/{user_id}"))["name"]


async def title_or_none(url):
    try:
        return await title(url)
    except (
        httpx.NetworkError,
        httpx.ConnectTimeout,
        httpx.WriteTimeout,
        httpx.RemoteProtocolError,
        httpx.ProxyError,
    ):
        return None
