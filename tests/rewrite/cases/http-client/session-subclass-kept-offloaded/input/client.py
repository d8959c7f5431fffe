import time

import requests
from requests.adapters import HTTPAdapter

API = "https://api.example.com"


class RetryingSession(requests.Session):
    def __init__(self):
        super().__init__()
        self.mount("https://", HTTPAdapter(max_retries=3))


class Api:
    def __init__(self):
        self.session = RetryingSession()

    def terms(self):
        resp: requests.Response = self.session.get(f"{API}/terms", timeout=5)
        resp.raise_for_status()
        return resp.json()["version"]

    def accept(self):
        version = self.terms()
        time.sleep(0.01)
        resp: requests.Response = self.session.post(f"{API}/accept", json={"v": version})
        checked = resp.raise_for_status()
        return checked, resp.json()
