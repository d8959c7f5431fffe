import requests

BASE = "https://shop.example.com"


def item(sku, **filters):
    return requests.get(f"{BASE}/Items/{sku}", params=filters, timeout=5).json()
