import requests


def stock(sku):
    return requests.get(f"https://stock.example.test/{sku}", timeout=5).json()["stock"]


def reserve(sku, count):
    return requests.post(f"https://stock.example.test/{sku}", json=count, timeout=5).status_code


def in_stock(sku):
    return requests.get(f"https://stock.example.test/{sku}", timeout=5).ok
