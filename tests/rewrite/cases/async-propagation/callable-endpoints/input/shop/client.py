import requests


class Endpoint:
    """``api.orders(7)`` is ``/orders/7``; ``api.orders.all()`` is ``/orders``."""

    def __init__(self, api, path):
        self.api = api
        self.path = path

    def __call__(self, ident):
        return self.api.get(f"{self.path}/{ident}")

    def all(self):
        return self.api.get(self.path)


class Ranker:
    def __init__(self, api):
        self.api = api

    def __call__(self, name):
        rank = self.api.get(f"/ranks/{name}")["rank"]
        return max(rank, 1)


class Pinger:
    def __call__(self, base):
        return requests.get(base + "/ping", timeout=5).json()["ok"]


ping = Pinger()


class Api:
    def __init__(self, base):
        self.base = base
        self.session = requests.Session()
        self.orders = Endpoint(self, "/orders")
        self.rank = Ranker(self)

    def get(self, path):
        response = self.session.get(self.base + path, timeout=5)
        response.raise_for_status()
        return response.json()

    def best_rank(self, names):
        return min(self.rank(name) for name in names)

    def alive(self):
        return ping(self.base)
