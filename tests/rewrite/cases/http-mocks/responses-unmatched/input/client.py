import requests


class Api:
    def __init__(self, base):
        self.base = base
        self.session = requests.Session()

    def ping(self):
        resp = self.session.get(self.base + "/ping", timeout=5)
        resp.raise_for_status()
        return resp.json()

    def status(self):
        try:
            self.ping()
        except requests.ConnectionError:
            return "down"
        return "up"
