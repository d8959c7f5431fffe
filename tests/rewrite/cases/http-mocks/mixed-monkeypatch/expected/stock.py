import requests


class Stock:
    def __init__(self):
        self.session = requests.Session()

    def stock(self, sku):
        return self.session.get(f"https://stock.example.test/{sku}", timeout=5).json()["stock"]
