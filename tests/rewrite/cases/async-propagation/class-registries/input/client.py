import requests


class Client:
    def __init__(self, base):
        self.base = base
        self.session = requests.Session()

    def get(self, path):
        response = self.session.get(self.base + path, timeout=5)
        response.raise_for_status()
        return response.json()
