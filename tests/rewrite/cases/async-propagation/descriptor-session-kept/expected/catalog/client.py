import requests


class Remote:
    """A field read from the API on each access: ``shop.status``."""

    def __init__(self, path):
        self.path = path

    def __get__(self, instance, owner):
        if instance is None:
            return self
        return instance.session.get(instance.base + self.path, timeout=5).json()["value"]


class Shop:
    status = Remote("/status")
    motto = Remote("/motto")

    def __init__(self, base):
        self.base = base
        self.session = requests.Session()

    def fetch(self, path):
        response = self.session.get(self.base + path, timeout=5)
        response.raise_for_status()
        return response.json()

    def product(self, sku):
        return self.fetch(f"/products/{sku}")


def overview(base, skus):
    shop = Shop(base)
    names = [shop.product(sku)["name"] for sku in skus]
    return {"status": shop.status, "motto": shop.motto, "products": names}
