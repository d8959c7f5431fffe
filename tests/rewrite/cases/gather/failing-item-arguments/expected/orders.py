import httpx

from _async_helpers import TLS_CONTEXT, gather_in_order, gather_outcomes

API = "http://shop.example.com"


async def get_json(path):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        response = await http_client.get(API + path, timeout=5)
    if response.is_error:
        response.raise_for_status()
    return response.json()


async def item_names(orders):
    names = []
    fetched_jsons = await gather_in_order(
        (get_json(f"/items/{order['sku']}") for order in orders), limit=10
    )
    for fetched_json in fetched_jsons:
        names.append(fetched_json["name"])
    return names


async def prices(orders):
    jsons = await gather_in_order(
        (get_json(f"/items/{order['sku']}") for order in orders), limit=10
    )
    return [json["price"] for json in jsons]


async def stock(orders):
    found = {}
    orders = list(orders)
    outcomes = await gather_outcomes(
        (get_json(f"/items/{order['sku']}") for order in orders),
        limit=10,
        caught=httpx.HTTPStatusError,
    )
    for order, outcome in zip(orders, outcomes):
        sku = order["sku"]
        try:
            item = outcome.result()
        except httpx.HTTPStatusError:
            continue
        found[sku] = item["stock"]
    return found


async def totals(orders):
    total = 0
    orders = list(orders)
    items = await gather_in_order(
        (get_json(f"/items/{int(order['sku'])}") for order in orders), limit=10
    )
    for order, item in zip(orders, items):
        total += item["price"] * order["qty"]
    return total
