import httpx

from ._async_helpers import TLS_CONTEXT, AsyncClientPerLoop


class ShopClient:
    """A client holding a session, closed by close() or by leaving a with block."""

    def __init__(self, base):
        self.base = base

        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)

    async def product(self, pid):
        response = await self.session.get(f"{self.base}/products/{pid}", timeout=5)
        if response.is_error:
            response.raise_for_status()
        return response.json()

    async def aclose(self):
        await self.session.aclose()

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        await self.aclose()


class AuditedShop(ShopClient):
    def __init__(self, base, log):
        super().__init__(base)
        self.log = log

    async def __aexit__(self, *exc):
        self.log.append("closed")
        return await super().__aexit__(*exc)


class StockClient:
    """A sync httpx client, closed in __exit__ itself."""

    def __init__(self, base):
        def _new_http() -> httpx.AsyncClient:
            return httpx.AsyncClient(base_url=base, verify=TLS_CONTEXT)

        self.http = AsyncClientPerLoop(_new_http)

    async def level(self, pid):
        return (await self.http.get(f"/stock/{pid}")).json()["level"]

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await self.http.aclose()
