import requests

BASE = "https://api.example.com"


def create(name):
    return requests.post(f"{BASE}/items", json={"name": name}, timeout=5).json()


def remove(item_id):
    requests.delete(f"{BASE}/items/{item_id}", timeout=5)
