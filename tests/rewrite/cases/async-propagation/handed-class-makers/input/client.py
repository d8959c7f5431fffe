import requests


class Client:
    def __init__(self, base):
        self.base = base
        self.session = requests.Session()

    def get(self, path):
        response = self.session.get(self.base + path, timeout=5)
        response.raise_for_status()
        return response.json()

    def put(self, path, fields):
        response = self.session.put(self.base + path, json=fields, timeout=5)
        response.raise_for_status()
        return response.json()
