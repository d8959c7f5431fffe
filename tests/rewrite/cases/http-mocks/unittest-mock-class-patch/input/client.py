import requests

API = "https://stock.example.test/v1"
session = requests.Session()


def level(sku):
    resp = requests.get(f"{API}/levels", params={"sku": sku}, timeout=5)
    resp.raise_for_status()
    return resp.json()["level"]


def reserve(sku, count):
    return session.post(f"{API}/reservations", json={sku: count}, timeout=5).status_code


def restock(sku):
    if level(sku) < 3:
        return reserve(sku, 10)
    return None


def available(sku):
    resp = requests.get(f"{API}/available", params={"sku": sku}, timeout=5)
    if not resp.ok:
        return f"unavailable: {resp.reason}"
    return "available"
