import requests


class Catalog:
    def __init__(self, base):
        self.base = base
        self.session = requests.Session()

    def item(self, sku):
        response = self.session.get(f"{self.base}/items/{sku}", timeout=5)
        response.raise_for_status()
        return response.json()


def item(sku):
    return Catalog("https://shop.example.com").item(sku)
