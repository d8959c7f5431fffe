import httpx

from _async_helpers import (
    TLS_CONTEXT,
    AsyncClientPerLoop,
    block_on,
    cached_result,
    collect,
    gather_in_order,
)


class Shop:
    def __init__(self, base):
        self.base = base

        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)

    async def get_json(self, path):
        response = await self.session.get(self.base + path, timeout=5)
        if response.is_error:
            response.raise_for_status()
        return response.json()

    async def products(self, slug):
        return [
            Product(self, item) for item in await self.get_json(f"/categories/{slug}")
        ]


class Product:
    def __init__(self, shop, data):
        self.shop = shop
        self.id = data["id"]

    @cached_result
    async def stock(self):
        return (await self.shop.get_json(f"/products/{self.id}/stock"))["available"]

    async def price(self):
        return (await self.shop.get_json(f"/products/{self.id}/price"))["amount"]


class Category:
    def __init__(self, shop, slug):
        self.shop = shop
        self.slug = slug

    async def __aiter__(self):
        for item in await self.shop.get_json(f"/categories/{self.slug}"):
            yield Product(self.shop, item)

    def __iter__(self):
        return iter(block_on(collect(self.__aiter__())))


async def out_of_stock(shop: Shop, slug):
    return [
        product.id
        async for product in Category(shop, slug)
        if await product.stock() == 0
    ]


async def total_price(shop: Shop, slug):
    total = 0
    prices = await gather_in_order(
        (product.price() for product in await shop.products(slug)), limit=10
    )
    for price in prices:
        total += price
    return total
