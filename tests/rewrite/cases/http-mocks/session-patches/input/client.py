import requests

API = "https://stock.example.com/v1"


class StockClient:
    def __init__(self, token):
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {token}"

    def level(self, sku):
        resp = self.session.get(f"{API}/levels", params={"sku": sku}, timeout=5)
        resp.raise_for_status()
        return resp.json()["level"]


session = requests.Session()


def reserve(sku, count):
    resp = session.post(f"{API}/reservations", json={sku: count}, timeout=5)
    resp.raise_for_status()
    return resp.status_code


def ping():
    return requests.get(f"{API}/ping", timeout=5).ok
