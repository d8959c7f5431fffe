from urllib.parse import urljoin

import httpx

from catalog._async_helpers import (
    TLS_CONTEXT,
    AsyncClientPerLoop,
    gather_in_order,
    httpx_kwargs,
)


class ApiSession(httpx.AsyncClient):
    """Every path is taken from the API's root, which the session keeps."""

    def __init__(self, base_url):
        super().__init__(follow_redirects=True, timeout=None, verify=TLS_CONTEXT)
        self.api_base_url = base_url
        self.headers["Accept"] = "application/json"

    async def request(self, method, url, *args, **kwargs):
        return await super().request(
            method, urljoin(self.api_base_url, url), *args, **httpx_kwargs(kwargs)
        )


class ShopSession(ApiSession):
    def item_url(self, item_id):
        return urljoin(self.api_base_url, f"items/{item_id}")


class Shop:
    def __init__(self, base_url):
        def _new_session() -> httpx.AsyncClient:
            return ShopSession(base_url)

        self.session = AsyncClientPerLoop(_new_session)

    async def item(self, item_id):
        return (await self.session.get(f"items/{item_id}", timeout=5)).json()

    async def names(self, ids):
        items = await gather_in_order((self.item(i) for i in ids), limit=10)
        return [item["name"] for item in items]

    def root(self):
        return self.session.api_base_url
