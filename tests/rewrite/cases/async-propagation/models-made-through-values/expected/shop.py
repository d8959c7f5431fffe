import sys

import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop, gather_in_order

API = "https://shop.example.com"


class Client:
    def __init__(self):
        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)
        self.orders = Endpoint(self, "orders")
        self.users = Endpoint(self, "users")

    async def fetch(self, path):
        response = await self.session.get(f"{API}/{path}", timeout=5)
        if response.is_error:
            response.raise_for_status()
        return response.json()


class Endpoint:
    def __init__(self, client, name):
        self.client = client
        self.name = name
        self.model = self._model_for(name)

    @staticmethod
    def _model_for(name):
        return getattr(sys.modules[__name__], name.title().rstrip("s"), Model)

    async def get(self, key):
        values = await self.client.fetch(f"{self.name}/{key}")
        return self.model(values, self.client, self)


class Model:
    def __init__(self, values, client, endpoint=None):
        self.client = client
        self.endpoint = endpoint
        self.id = values["id"]
        self.values = values

    async def refresh(self):
        url = f"{API}/{self.endpoint.name}/{self.id}"
        self.values = (await self.client.session.get(url, timeout=5)).json()
        return self


class Order(Model):
    async def lines(self):
        found = await self.client.fetch(f"orders/{self.id}/lines")
        return [KINDS.get(line["kind"], Model)(line, self.client) for line in found]


class Product(Model):
    async def price(self):
        return (
            await self.client.session.get(f"{API}/products/{self.id}", timeout=5)
        ).json()["price"]


KINDS = {"product": Product}


async def order_total(key):
    order = await Client().orders.get(key)
    return sum(
        await gather_in_order(
            (line.price() for line in await order.lines() if isinstance(line, Product)),
            limit=10,
        )
    )


async def user_name(key):
    return (await (await Client().users.get(key)).refresh()).values["name"]
