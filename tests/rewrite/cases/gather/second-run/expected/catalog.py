"""Code written async by hand next to code not migrated yet: one run must be enough."""

import asyncio

import httpx

from _async_helpers import TLS_CONTEXT, gather_in_order

BASE = "http://x"


async def fetch(i):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        response = await http_client.get(f"{BASE}/{i}")
    if response.is_error:
        response.raise_for_status()
    return response.json()


async def fetch_async(i):
    async with httpx.AsyncClient() as client:
        response = await client.get(f"{BASE}/{i}")
    response.raise_for_status()
    return response.json()


async def pairs(items: list[tuple[int, int]]):
    """Two fetches per item, the way pprint formats a key and a value."""
    lines = []
    results = await gather_in_order(
        ((fetch(key), fetch(value)) for key, value in items), limit=10
    )
    for left, right in results:
        lines.append(f"{left['name']}: {right['name']}")
    return lines


async def chained(ids: list[int]):
    async def fetch_name(i):
        item = await fetch(i)
        following = await fetch(item["next"])
        return (item["name"], following["name"])

    names = await gather_in_order((fetch_name(i) for i in ids), limit=10)
    return names


async def paced(ids):
    names = []
    for i in ids:
        names.append((await fetch(i))["name"])
        await asyncio.sleep(0.01)
    return names


async def names_async(ids: list[int]):
    names = []
    results = await gather_in_order((fetch_async(i) for i in ids), limit=10)
    for result in results:
        names.append(result["name"])
    return names


async def paced_async(ids):
    names = []
    for i in ids:
        names.append((await fetch_async(i))["name"])
        await asyncio.sleep(0.01)
    return names
