import httpx

from _async_helpers import (
    TLS_CONTEXT,
    AsyncClientPerLoop,
    requests_headers,
    requests_values,
)


class Catalog:
    def __init__(self, base):
        self.base = base

        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)

    async def items(self, sort, tenant):
        response = await self.session.get(
            f"{self.base}/items",
            params=requests_values({"sort": sort, "limit": 10}),
            headers=requests_headers({"X-Tenant": tenant}),
            timeout=5,
        )
        if response.is_error:
            response.raise_for_status()
        return response.json()


async def unsorted(base):
    return await Catalog(base).items(None, "acme")


async def listing(base, order=None, tenant=None):
    return await Catalog(base).items(order, tenant)
