import requests
from requests.auth import AuthBase

BASE = "https://api.example.com"


class SignedAuth(AuthBase):
    def __call__(self, request):
        request.headers["X-Sig"] = request.method
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
    def __init__(self, auth):
        self.session = requests.Session()
        self.session.auth = auth

    def user(self):
        return self.session.get(BASE + "/user", timeout=5).json()

    def health(self):
        return requests.get(BASE + "/health", timeout=5).json()

    def status(self):
        return self.health(), self.user()


def signed_status():
    return Client(SignedAuth()).status()


def token_status(token):
    return Client(TokenAuth(token)).status()
