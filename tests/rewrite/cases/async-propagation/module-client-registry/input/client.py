import requests


class Client:
    def __init__(self, base):
        self.base = base
        self.session = requests.Session()
        self.closed = False

    def get(self, path):
        response = self.session.get(self.base + path, timeout=5)
        response.raise_for_status()
        return response.json()

    def close(self):
        self.session.close()
        self.closed = True
