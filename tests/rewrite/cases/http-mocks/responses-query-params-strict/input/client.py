import requests

BASE = "https://catalog.example.com/api"


def search(query, page=1, **extra):
    params = {"q": query, "page": page, **extra}
    resp = requests.get(BASE + "/products", params=params, timeout=5)
    resp.raise_for_status()
    return resp.json()["items"]
