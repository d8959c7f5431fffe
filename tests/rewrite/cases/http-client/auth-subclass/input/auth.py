import requests
from requests.auth import AuthBase


class TokenAuth(AuthBase):
    def __init__(self, token):
        self.token = token

    def __call__(self, r):
        r.headers["Authorization"] = f"Bearer {self.token}"
        if r.method == "POST":
            r.headers["X-Write"] = "1"
        return r


class BodySigner(requests.auth.AuthBase):
    def __call__(self, r):
        r.headers["X-Signature"] = str(len(r.body or ""))
        return r
