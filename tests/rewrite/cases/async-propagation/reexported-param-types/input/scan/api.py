import requests


class Scanner:
    def __init__(self, base):
        self.base = base
        self.session = requests.Session()

    def get(self, path):
        resp = self.session.get(f"{self.base}{path}", timeout=10)
        resp.raise_for_status()
        return resp.json()
