import requests

from auth import ApiSession, TokenAuth

BASE = "https://api.example.com"


def private_item(item_id):
    auth = TokenAuth("secret")
    return requests.get(f"{BASE}/items/{item_id}", auth=auth, timeout=5).json()


def session_item(item_id):
    return ApiSession("secret").get(f"/items/{item_id}").json()


def prepared_item(item_id):
    session = requests.Session()
    request = requests.Request("GET", f"{BASE}/items/{item_id}", auth=TokenAuth("secret"))
    return session.send(request.prepare(), timeout=5).json()


def public_item(item_id):
    response = requests.get(f"{BASE}/items/{item_id}", timeout=5)
    response.raise_for_status()
    return response.json()


def both(item_id):
    return [public_item(item_id), private_item(item_id)]
