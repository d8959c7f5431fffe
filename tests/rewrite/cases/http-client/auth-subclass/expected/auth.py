import httpx
import requests


class TokenAuth(httpx.Auth):
    def __init__(self, token):
        self.token = token

    def auth_flow(self, r):
        r.headers["Authorization"] = f"Bearer {self.token}"
        if r.method == "POST":
            r.headers["X-Write"] = "1"
        yield r


class BodySigner(requests.auth.AuthBase):
    def __call__(self, r):
        r.headers["X-Signature"] = str(len(r.body or ""))
        return r
