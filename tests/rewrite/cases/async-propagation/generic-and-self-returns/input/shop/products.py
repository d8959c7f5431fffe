import requests

from .query import Query


class Products:
    def __init__(self, base):
        self.base = base

    def fetch(self, sort):
        response = requests.get(f"{self.base}/products", params={"sort": sort}, timeout=5)
        response.raise_for_status()
        return response.json()

    def all(self) -> Query[dict]:
        return Query(self)


def cheapest(base):
    products = Products(base).all().order_by("price")
    return products[0]["name"]


def second(base):
    return Products(base).all()[1]["name"]
