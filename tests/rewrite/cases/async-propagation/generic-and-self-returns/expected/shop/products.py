import httpx

from ._async_helpers import TLS_CONTEXT
from .query import Query


class Products:
    def __init__(self, base):
        self.base = base

    async def fetch(self, sort):
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            response = await http_client.get(
                f"{self.base}/products", params={"sort": sort}, timeout=5
            )
        if response.is_error:
            response.raise_for_status()
        return response.json()

    def all(self) -> Query[dict]:
        return Query(self)


async def cheapest(base):
    products = Products(base).all().order_by("price")
    return (await products[0])["name"]


async def second(base):
    return (await Products(base).all()[1])["name"]
