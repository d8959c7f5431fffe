import httpx

from shop._async_helpers import TLS_CONTEXT, AsyncClientPerLoop, gather_in_order


class Endpoint:
    """``api.orders(7)`` is ``/orders/7``; ``api.orders.all()`` is ``/orders``."""

    def __init__(self, api, path):
        self.api = api
        self.path = path

    async def __call__(self, ident):
        return await self.api.get(f"{self.path}/{ident}")

    async def all(self):
        return await self.api.get(self.path)


class Ranker:
    def __init__(self, api):
        self.api = api

    async def __call__(self, name):
        rank = (await self.api.get(f"/ranks/{name}"))["rank"]
        return max(rank, 1)


class Pinger:
    async def __call__(self, base):
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            return (await http_client.get(base + "/ping", timeout=5)).json()["ok"]


ping = Pinger()


class Api:
    def __init__(self, base):
        self.base = base

        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)
        self.orders = Endpoint(self, "/orders")
        self.rank = Ranker(self)

    async def get(self, path):
        response = await self.session.get(self.base + path, timeout=5)
        if response.is_error:
            response.raise_for_status()
        return response.json()

    async def best_rank(self, names):
        return min(await gather_in_order((self.rank(name) for name in names), limit=10))

    async def alive(self):
        return await ping(self.base)
