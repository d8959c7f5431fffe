import requests


def fetch_item(base, name, timeout=5.0):
    r = requests.get(f"{base}/items/{name}", timeout=timeout)
    r.raise_for_status()
    return r.json()
