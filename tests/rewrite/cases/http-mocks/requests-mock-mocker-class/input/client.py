import requests

BASE = "https://shop.example.com"


def audit(event):
    print(event)


def item(sku):
    resp = requests.get(f"{BASE}/items/{sku}", timeout=5)
    if resp.status_code == 404:
        audit("missing " + sku)
        return None
    resp.raise_for_status()
    return resp.json()
