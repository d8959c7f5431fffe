import httpx

from ._async_helpers import TLS_CONTEXT, AsyncClientPerLoop, block_on, gather_in_order


class Remote:
    """A field read from the API on each access: ``shop.status``."""

    def __init__(self, path):
        self.path = path

    def __get__(self, instance, owner):
        if instance is None:
            return self
        return block_on(instance.fetch(self.path))["value"]


class Shop:
    status = Remote("/status")
    motto = Remote("/motto")

    def __init__(self, base):
        self.base = base

        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)

    async def fetch(self, path):
        response = await self.session.get(self.base + path, timeout=5)
        if response.is_error:
            response.raise_for_status()
        return response.json()

    async def product(self, sku):
        return await self.fetch(f"/products/{sku}")


async def overview(base, skus):
    shop = Shop(base)
    products = await gather_in_order((shop.product(sku) for sku in skus), limit=10)
    names = [product["name"] for product in products]
    return {"status": shop.status, "motto": shop.motto, "products": names}
