from . import api
from ._async_helpers import gather_in_order
from .api import fetch_price as price_of


async def total(skus):
    return sum(await gather_in_order((price_of(sku) for sku in skus), limit=10))


async def first_price(skus):
    return await api.fetch_price(skus[0])


async def summary(skus):
    first = await first_price(skus)
    return {"first": first, "count": len(skus)}
