import requests
from requests.auth import AuthBase

BASE = "https://api.example.com"


class SignedAuth(AuthBase):
    def __init__(self, key):
        self.key = key

    def __call__(self, request):
        request.headers["X-Sig"] = self.key + request.method
        request.register_hook("response", self._check)
        return request

    def _check(self, response, **kwargs):
        return response


class TokenAuth(AuthBase):
    def __init__(self, token):
        self.token = token

    def __call__(self, request):
        request.headers["Authorization"] = "Bearer " + self.token
        return request


class Client:
    def __init__(self, key):
        self.session = self._build_session(SignedAuth, key)

    def _build_session(self, auth_class, *args):
        session = requests.session()
        session.auth = auth_class(*args)
        session.headers.update({"Accept": "application/json"})
        return session

    def user(self):
        return self.session.get(BASE + "/user", timeout=5).json()

    def health(self):
        return requests.get(BASE + "/health", timeout=5).json()

    def status(self):
        return self.health(), self.user()


class TokenClient(Client):
    def __init__(self, token):
        self.session = self._build_session(TokenAuth, token)


def signed_status(key):
    return Client(key).status()


def token_status(token):
    return TokenClient(token).status()
