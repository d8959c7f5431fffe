"""Comprehensions whose element uses the item as well as the result, over a
parameter that may be a generator: read once into a list, as a loop's would be."""

import httpx

from _async_helpers import TLS_CONTEXT, gather_in_order


async def get_product(sku):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        response = await http_client.get(f"http://catalog/v1/products/{sku}")
    if response.is_error:
        response.raise_for_status()
    return response.json()


async def prices(skus):
    skus = list(skus)
    products = await gather_in_order((get_product(sku) for sku in skus), limit=10)
    return {sku: product["price"] for sku, product in zip(skus, products)}


async def labelled(skus):
    skus = list(skus)
    products = await gather_in_order((get_product(sku) for sku in skus), limit=10)
    labels = [f"{sku}: {product['name']}" for sku, product in zip(skus, products)]
    return labels


async def loop_twin(skus):
    found = {}
    skus = list(skus)
    products = await gather_in_order((get_product(sku) for sku in skus), limit=10)
    for sku, product in zip(skus, products):
        found[sku] = product["price"]
    return found


async def headed(skus):
    names = ["name"]
    names.extend(
        product["name"]
        for product in await gather_in_order((get_product(sku) for sku in skus), limit=10)
    )
    return names


async def into(skus, names):
    names.extend(
        product["name"]
        for product in await gather_in_order((get_product(sku) for sku in skus), limit=10)
    )
    return names


async def in_stock(skus):
    selected_skus = [sku for sku in skus if sku if not sku.endswith("x")]
    products = await gather_in_order(
        (get_product(sku) for sku in selected_skus), limit=10
    )
    return {sku: product["price"] for sku, product in zip(selected_skus, products)}


async def grid(prefixes, numbers):
    pairs = [(p, n) for p in prefixes for n in numbers]
    products = await gather_in_order(
        (get_product(f"{p}{n}") for p, n in pairs), limit=10
    )
    return [f"{p}{n}: {product['name']}" for (p, n), product in zip(pairs, products)]
