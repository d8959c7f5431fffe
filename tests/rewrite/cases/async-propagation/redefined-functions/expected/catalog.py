import functools
import os
from typing import overload

import httpx

from _async_helpers import TLS_CONTEXT, gather_in_order

API = "http://catalog.example.com"

if os.environ.get("CATALOG_FAST"):

    async def fetch(path):
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            return (await http_client.get(API + path, timeout=1)).json()

else:

    async def fetch(path):
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            response = await http_client.get(API + path, timeout=10)
        if response.is_error:
            response.raise_for_status()
        return response.json()


@functools.singledispatch
async def describe(item):
    return str(item)


@describe.register
async def _(item: int):
    return (await fetch(f"/items/{item}"))["name"]


@describe.register(list)
async def _(item):
    return await gather_in_order((describe(each) for each in item), limit=10)


@overload
async def price(item: int) -> float: ...


@overload
async def price(item: str) -> float: ...


async def price(item):
    return (await fetch(f"/items/{item}"))["price"]


async def report(items):
    items = list(items)
    describes = await gather_in_order((describe(item) for item in items), limit=10)
    return {str(item): describe for item, describe in zip(items, describes)}


async def total(items):
    return sum(await gather_in_order((price(item) for item in items), limit=10))
