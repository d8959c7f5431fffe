import requests

BASE = "https://api.shelf.test"


class Shelf:
    def __init__(self, token):
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {token}"

    def books(self, **params):
        r = self.session.get(f"{BASE}/books", params=params, timeout=5)
        r.raise_for_status()
        return r.json()

    def add(self, title):
        r = self.session.post(f"{BASE}/books", json={"title": title}, timeout=5)
        r.raise_for_status()
        return r.json()["id"]
