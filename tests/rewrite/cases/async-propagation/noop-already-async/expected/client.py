import asyncio

import httpx


async def fetch(url):
    async with httpx.AsyncClient() as client:
        return (await client.get(url)).json()


async def fetch_both(a, b):
    await asyncio.sleep(0.1)
    return await asyncio.gather(fetch(a), fetch(b))
