import requests


class Store:
    def __init__(self, base):
        self.base = base
        self.session = requests.Session()

    def send(self, method, path, payload=None):
        send = getattr(self.session, method.lower())
        response = send(self.base + path, json=payload, timeout=5)
        response.raise_for_status()
        return response.json()

    def send_at_once(self, method, path, payload=None):
        response = getattr(self.session, method.lower())(
            self.base + path, json=payload, timeout=5
        )
        return response.status_code, response.json()

    def items(self):
        return self.send("GET", "/items")

    def add(self, name):
        return self.send("POST", "/items", {"name": name})
