import requests

BASE = "http://api.example.com"


class Client:
    def __init__(self, base=BASE):
        self.base, self.session = base, requests.Session()

    def item(self, path):
        return self.session.get(self.base + path, timeout=5).json()

    def health(self):
        return requests.get(self.base + "/health", timeout=5).json()


def both(path):
    client = Client()
    return client.health(), client.item(path)
