import httpx

from ._async_helpers import TLS_CONTEXT, AsyncClientPerLoop


class Client:
    def __init__(self, base):
        self.base = base

        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)

    async def item(self, sku):
        return (await self.session.get(f"{self.base}/items/{sku}", timeout=5)).json()

    async def aclose(self):
        await self.session.aclose()

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        await self.aclose()


async def item_name(base, sku):
    async with Client(base) as client:
        return (await client.item(sku))["name"]
