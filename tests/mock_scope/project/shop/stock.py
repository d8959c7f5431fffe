import requests

session = requests.Session()


def level(sku):
    resp = requests.get("https://stock.example.test/v1/levels", params={"sku": sku}, timeout=5)
    resp.raise_for_status()
    return resp.json()["level"]


def reserve(sku, count):
    resp = session.post("https://stock.example.test/v1/reservations", json={sku: count}, timeout=5)
    return resp.status_code


def reorder_needed(sku):
    return level(sku) < 5
