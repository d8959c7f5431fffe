"""A client holding a session."""

import requests

API = "https://wiki.example.com/api"


class Site:
    def __init__(self, host=API):
        self.host = host
        self.session = requests.Session()

    def get(self, action, **params):
        resp = self.session.get(f"{self.host}/{action}", params=params, timeout=5)
        resp.raise_for_status()
        return resp.json()
