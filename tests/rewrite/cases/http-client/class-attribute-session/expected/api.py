import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop, gather_in_order


class Api:
    """A client whose session is shared by every instance."""

    @staticmethod
    def _new_session() -> httpx.AsyncClient:
        return httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        )

    session = AsyncClientPerLoop(_new_session)
    base = "https://api.example.com"

    async def item(self, item_id):
        return (await self.session.get(f"{self.base}/items/{item_id}", timeout=5)).json()

    async def items(self, ids):
        return await gather_in_order((self.item(i) for i in ids), limit=10)
