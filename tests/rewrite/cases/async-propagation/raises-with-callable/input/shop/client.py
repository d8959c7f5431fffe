import requests


class Shop:
    def __init__(self, base):
        self.base = base
        self.session = requests.Session()

    def price(self, item):
        if not item:
            raise ValueError("no item")
        response = self.session.get(f"{self.base}/prices/{item}", timeout=5)
        response.raise_for_status()
        return response.json()["price"]
