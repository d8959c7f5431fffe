import requests

API = "https://stock.example.test/v1"
session = requests.Session()


def level(sku):
    resp = requests.get(f"{API}/levels", params={"sku": sku}, timeout=5)
    resp.raise_for_status()
    return resp.json()["level"]


def reserve(sku, count):
    return session.post(f"{API}/reservations", json={sku: count}, timeout=5).status_code


def located(sku):
    resp = requests.get(f"{API}/locate", params={"sku": sku}, timeout=5)
    return resp.url, resp.reason


def checked(sku):
    resp = requests.get(f"{API}/levels", params={"sku": sku}, timeout=5)
    if not resp.ok:
        raise RuntimeError(f"{resp.status_code} {resp.reason}")
    return resp.json()["level"]
