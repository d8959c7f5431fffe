import requests

API = "https://stock.example.com/v2"


def levels(*skus):
    resp = requests.get(f"{API}/levels", params={"sku": list(skus)}, timeout=5)
    return resp.status_code, resp.json()


def reserve(sku, count):
    resp = requests.post(f"{API}/reserve", json={"sku": sku, "count": count}, timeout=5)
    if resp.status_code == 409:
        return resp.status_code, resp.reason
    return resp.status_code, resp.headers.get("X-Left"), resp.text


def label(sku):
    resp = requests.get(f"{API}/Labels/{sku}", timeout=5)
    resp.raise_for_status()
    return resp.content
