import requests
from requests.auth import AuthBase


class RefreshingAuth(AuthBase):
    """Fetches a token the first time it signs a request."""

    def __init__(self, token_url, key):
        self.token_url = token_url
        self.key = key
        self.token = None

    def __call__(self, r):
        if self.token is None:
            response = requests.post(self.token_url, json={"key": self.key}, timeout=5)
            response.raise_for_status()
            self.token = response.json()["token"]
        r.headers["Authorization"] = f"Bearer {self.token}"
        return r


class Client:
    def __init__(self, base, key):
        self.base = base
        self.session = requests.Session()
        self.session.auth = RefreshingAuth(base + "/token", key)

    def me(self):
        response = self.session.get(self.base + "/me", timeout=5)
        response.raise_for_status()
        return response.json()
