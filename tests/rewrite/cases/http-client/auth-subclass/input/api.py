import requests

from auth import BodySigner, TokenAuth

BASE = "https://api.example.com"


def item(item_id):
    response = requests.get(f"{BASE}/items/{item_id}", auth=TokenAuth("secret"), timeout=5)
    response.raise_for_status()
    return response.json()


def create(payload):
    with requests.Session() as session:
        session.auth = TokenAuth("secret")
        return session.post(f"{BASE}/items", json=payload).json()


def signed(text):
    return requests.post(f"{BASE}/signed", data=text, auth=BodySigner()).status_code
