import requests

BASE = "https://api.example.com"


def item(item_id):
    response = requests.get(f"{BASE}/items/{item_id}")
    if response.status_code == requests.codes.not_found:
        return None
    if response.status_code != requests.codes.ok:
        raise RuntimeError(response.status_code)
    return response.json()


def brew():
    response = requests.post(f"{BASE}/coffee")
    return response.status_code == requests.codes.teapot
