from . import api
from .api import fetch_price as price_of


def total(skus):
    return sum(price_of(sku) for sku in skus)


def first_price(skus):
    return api.fetch_price(skus[0])


def summary(skus):
    first = first_price(skus)
    return {"first": first, "count": len(skus)}
