from . import api
from .api import fetch_price as price_of


async def total(skus):
    return sum([await price_of(sku) for sku in skus])


async def first_price(skus):
    return await api.fetch_price(skus[0])


async def summary(skus):
    first = await first_price(skus)
    return {"first": first, "count": len(skus)}
