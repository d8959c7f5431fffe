import httpx

from ._async_helpers import TLS_CONTEXT, AsyncClientPerLoop


class Catalog:
    def __init__(self, base):
        self.base = base

        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)

    async def _get(self, path):
        return (await self.session.get(f"{self.base}{path}", timeout=5)).json()

    async def titles(self):
        return [book["title"] for book in await self._get("/books")]
