import requests

S = requests.Session()


def price(sku):
    resp = S.get(f"https://prices.example.test/{sku}", timeout=5)
    resp.raise_for_status()
    return resp.json()["price"]


def signed_price(sku, key):
    resp = S.get(f"https://prices.example.test/{sku}", headers={"X-Api-Key": key}, timeout=5)
    resp.raise_for_status()
    return resp.json()["price"]


def price_at(base, sku):
    resp = S.get(f"{base}/{sku}", timeout=5)
    resp.raise_for_status()
    return resp.json()["price"]
