import httpx

from _async_helpers import TLS_CONTEXT


class Inventory:
    def __init__(self, base):
        self.base = base

    async def _get(self, path):
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            return (await http_client.get(self.base + path, timeout=5)).json()

    async def stock(self, sku):
        return (await self._get(f"/stock/{sku}"))["count"]

    async def in_stock(self, sku):
        return await self.stock(sku) > 0
