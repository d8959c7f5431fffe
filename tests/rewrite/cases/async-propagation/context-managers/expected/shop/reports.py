import httpx

from ._async_helpers import TLS_CONTEXT, gather_in_order
from .client import AuditedShop, ShopClient, StockClient


async def names(base, ids):
    async with ShopClient(base) as shop:
        products = await gather_in_order((shop.product(i) for i in ids), limit=10)
        return [product["name"] for product in products]


async def price_or_close(base, pid):
    shop = ShopClient(base)
    try:
        return (await shop.product(pid))["price"]
    finally:
        await shop.aclose()


async def audited(base, pid):
    log = []
    async with AuditedShop(base, log) as shop:
        name = (await shop.product(pid))["name"]
    return name, log


async def shutdown(shop: ShopClient):
    await shop.aclose()


async def stock(base, pid):
    async with StockClient(base) as client:
        return await client.level(pid)


async def first_product(base):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as session:
        return (await session.get(base + "/products/1", timeout=5)).json()
