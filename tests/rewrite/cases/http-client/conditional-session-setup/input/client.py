"""A client whose session is set up by its constructor's arguments."""

import requests
from requests.adapters import HTTPAdapter


class Client:
    def __init__(self, base, retries=3, verify=True, token=None):
        self.base = base
        self.session = requests.Session()
        self.retries = retries
        if self.retries is not None:
            adapter = HTTPAdapter(max_retries=self.retries)
            self.session.mount("http://", adapter)
            self.session.mount("https://", adapter)
        if token:
            self.session.headers["Authorization"] = f"Bearer {token}"
        if not verify:
            self.session.verify = False

    def get(self, path):
        response = self.session.get(f"{self.base}/{path}", timeout=5)
        response.raise_for_status()
        return response.json()


def fetch(path, **options):
    return Client("https://api.example.com", **options).get(path)
