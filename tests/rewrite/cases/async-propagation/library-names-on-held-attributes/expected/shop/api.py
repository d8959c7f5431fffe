import httpx

from ._async_helpers import TLS_CONTEXT, AsyncClientPerLoop


class Endpoint:
    def __init__(self, api, name):
        self.api = api
        self.name = name

    def url(self, key):
        return f"{self.api.url}/{self.name}/{key}"

    async def get(self, key):
        response = await self.api.session.get(self.url(key))
        if response.is_error:
            response.raise_for_status()
        return response.json()

    async def update(self, key, **fields):
        response = await self.api.session.patch(self.url(key), json=fields)
        if response.is_error:
            response.raise_for_status()
        return response.json()


class Api:
    def __init__(self, url, token=None):
        self.url = url.rstrip("/")

        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)
        if token:
            self.session.headers["Authorization"] = f"Token {token}"
        self.products = Endpoint(self, "products")
        self.orders = Endpoint(self, "orders")
