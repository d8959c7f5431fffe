import httpx

from _async_helpers import TLS_CONTEXT, gather_in_order


async def fetch(base, item_id):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        response = await http_client.get(f"{base}/items/{item_id}", timeout=5)
    if response.is_error:
        response.raise_for_status()
    return response.json()


async def first_big(base, ids):
    """The first item over 10: the items after it were never fetched."""
    items = (await fetch(base, item_id) for item_id in ids)
    async for item in items:
        if item["size"] > 10:
            return item
    return None


async def first_name(base, ids):
    names = ((await fetch(base, item_id))["name"] for item_id in ids)
    return await anext(names, None)


async def total_size(base, ids):
    items = await gather_in_order((fetch(base, item_id) for item_id in ids), limit=10)
    return sum(item["size"] for item in items)


async def names_joined(base, ids):
    results = await gather_in_order((fetch(base, item_id) for item_id in ids), limit=10)
    names = (result["name"] for result in results)
    return ", ".join(names)
