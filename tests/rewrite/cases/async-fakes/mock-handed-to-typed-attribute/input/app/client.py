import requests

from .holder import Holder


class Client:
    def __init__(self, base):
        self.base = base
        self.http = requests.Session()

    def fetch(self, path):
        response = self.http.get(self.base + path, timeout=5)
        response.raise_for_status()
        return response.json()

    def holder(self, name):
        return Holder(self, name)
