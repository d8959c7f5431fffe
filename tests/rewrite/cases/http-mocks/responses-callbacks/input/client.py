import requests

API = "https://shop.example.com/api"


def search(term, page=1):
    resp = requests.get(f"{API}/search", params={"q": term, "page": page}, timeout=5)
    resp.raise_for_status()
    return resp.json()


def create(item):
    resp = requests.post(f"{API}/items", json=item, headers={"X-Token": "t1"}, timeout=5)
    return resp.status_code, resp.headers["Content-Type"], resp.text


def rename(item_id, name):
    resp = requests.put(f"{API}/items/{item_id}", data={"name": name}, timeout=5)
    return resp.status_code, resp.content


def remove(item_id):
    return requests.delete(f"{API}/items/{item_id}", timeout=5).status_code
