import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop


class Prices:
    def __init__(self):
        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)

    async def price(self, sku):
        return (
            await self.session.get(f"https://prices.example.test/{sku}", timeout=5)
        ).json()["price"]
