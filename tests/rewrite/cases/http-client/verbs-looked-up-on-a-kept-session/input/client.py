import requests
from requests.auth import AuthBase

BASE = "https://api.example.com"


class SignedAuth(AuthBase):
    def __init__(self, key):
        self.key = key

    def __call__(self, request):
        request.headers["X-Sig"] = self.key + ":" + request.method
        request.register_hook("response", self._check)
        return request

    def _check(self, response, **kwargs):
        return response


class Client:
    def __init__(self, key=None):
        self.session = requests.Session()
        if key is not None:
            self.session.auth = SignedAuth(key)

    def call(self, method, path, **kwargs):
        func = getattr(self.session, method.lower())
        response = func(BASE + path, timeout=5, **kwargs)
        response.raise_for_status()
        return response.json()

    def user(self):
        return self.call("GET", "/user")

    def rename(self, name):
        send = self.session.put
        return send(BASE + "/user", json={"name": name}, timeout=5).json()


class Feed:
    def __init__(self):
        self.session = requests.Session()

    def entries(self, method="GET"):
        return getattr(self.session, method.lower())(BASE + "/feed", timeout=5).json()


def summary(key):
    client = Client(key)
    return client.user(), client.rename("ada"), Feed().entries()
