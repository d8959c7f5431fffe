import httpx

from _async_helpers import TLS_CONTEXT


async def pages(url):
    while url:
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            data = (await http_client.get(url, timeout=5)).json()
        yield data["items"]
        url = data.get("next")


async def count_items(url):
    total = 0
    async for items in pages(url):
        total += len(items)
    return total


async def all_items(url):
    return [item async for items in pages(url) for item in items]
