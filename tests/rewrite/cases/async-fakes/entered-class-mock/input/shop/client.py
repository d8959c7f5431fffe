import requests


class Client:
    def __init__(self, base):
        self.base = base
        self.session = requests.Session()

    def item(self, sku):
        return self.session.get(f"{self.base}/items/{sku}", timeout=5).json()

    def close(self):
        self.session.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def item_name(base, sku):
    with Client(base) as client:
        return client.item(sku)["name"]
