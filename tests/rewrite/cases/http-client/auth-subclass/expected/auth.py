import httpx

from _async_helpers import request_body


class TokenAuth(httpx.Auth):
    def __init__(self, token):
        self.token = token

    def auth_flow(self, r):
        r.headers["Authorization"] = f"Bearer {self.token}"
        if r.method == "POST":
            r.headers["X-Write"] = "1"
        yield r


class BodySigner(httpx.Auth):
    requires_request_body = True

    def auth_flow(self, r):
        r.headers["X-Signature"] = str(len(request_body(r) or ""))
        yield r
