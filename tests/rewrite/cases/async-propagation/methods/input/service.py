import requests


class Inventory:
    def __init__(self, base):
        self.base = base

    def _get(self, path):
        return requests.get(self.base + path, timeout=5).json()

    def stock(self, sku):
        return self._get(f"/stock/{sku}")["count"]

    def in_stock(self, sku):
        return self.stock(sku) > 0
