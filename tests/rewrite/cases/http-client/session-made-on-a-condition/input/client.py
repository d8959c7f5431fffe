import requests

BASE = "http://api.example.com"


class Client:
    def __init__(self, pooled=False):
        self.session = requests.Session() if pooled else None

    def fetch(self, path):
        if self.session is None:
            return requests.get(BASE + path, timeout=5).json()
        return self.session.get(BASE + path, timeout=5).json()


def fetch_both(path):
    return Client().fetch(path), Client(pooled=True).fetch(path)
