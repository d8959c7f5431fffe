import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop


class Api:
    def __init__(self, base):
        self.base = base

        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)

    async def item(self, item_id):
        return (await self.session.get(f"{self.base}/items/{item_id}", timeout=5)).json()

    async def aclose(self):
        await self.session.aclose()


async def first_item(base):
    api = Api(base)
    try:
        return await api.item(1)
    finally:
        await api.aclose()
