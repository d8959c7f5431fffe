import requests

BASE = "https://api.example.com"


def fetch(name):
    r = requests.get(f"{BASE}/items/{name}", timeout=5)
    r.raise_for_status()
    return r.json()
