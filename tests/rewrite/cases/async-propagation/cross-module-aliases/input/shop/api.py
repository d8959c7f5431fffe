import requests


def fetch_price(sku):
    return requests.get(f"https://prices.example.com/{sku}", timeout=5).json()["price"]
