import requests


def price(sku):
    resp = requests.get(f"https://prices.example.test/{sku}", timeout=5)
    return resp.json()["price"]


def listed(sku):
    return requests.get(f"https://prices.example.test/{sku}", timeout=5).ok
