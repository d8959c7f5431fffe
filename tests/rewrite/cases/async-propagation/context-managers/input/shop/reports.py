import requests

from .client import AuditedShop, ShopClient, StockClient


def names(base, ids):
    with ShopClient(base) as shop:
        return [shop.product(i)["name"] for i in ids]


def price_or_close(base, pid):
    shop = ShopClient(base)
    try:
        return shop.product(pid)["price"]
    finally:
        shop.close()


def audited(base, pid):
    log = []
    with AuditedShop(base, log) as shop:
        name = shop.product(pid)["name"]
    return name, log


def shutdown(shop: ShopClient):
    shop.close()


def stock(base, pid):
    with StockClient(base) as client:
        return client.level(pid)


def first_product(base):
    with requests.Session() as session:
        return session.get(base + "/products/1", timeout=5).json()
