import requests


class Api:
    def __init__(self, base):
        self.base = base
        self.session = requests.Session()

    def status(self, path):
        return self.session.get(self.base + path, timeout=5).status_code

    def create(self, path, payload):
        return self.session.post(self.base + path, json=payload, timeout=5).json()
