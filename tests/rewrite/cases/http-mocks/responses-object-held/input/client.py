import requests

BASE = "https://crm.example.com"


def contact(cid):
    r = requests.get(f"{BASE}/contacts/{cid}", timeout=5)
    r.raise_for_status()
    return r.json()


def update(cid, **fields):
    r = requests.patch(f"{BASE}/contacts/{cid}", json=fields, timeout=5)
    r.raise_for_status()
    return r.json()
