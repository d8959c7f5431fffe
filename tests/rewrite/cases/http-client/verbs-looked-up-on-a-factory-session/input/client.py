import requests
from requests.auth import AuthBase

BASE = "https://api.example.com"


class TokenAuth(AuthBase):
    def __init__(self, token):
        self.token = token

    def __call__(self, request):
        request.headers["X-Token"] = self.token
        return request


class Client:
    def __init__(self, token):
        self.session = self._build_session(TokenAuth, token)

    def _build_session(self, auth_class, *args):
        session = requests.session()
        session.auth = auth_class(*args)
        session.headers.update({"Accept": "application/json"})
        return session

    def _request(self, method, path, **kwargs):
        response = getattr(self.session, method)(BASE + path, timeout=5, **kwargs)
        response.raise_for_status()
        return response.json()

    def user(self):
        return self._request("get", "/user")

    def note(self, text):
        return self._request("post", "/notes", json={"text": text})


def user_name(token):
    return Client(token).user()["name"]


def add_note(token, text):
    return Client(token).note(text)["id"]


def missing(token):
    return Client(token)._request("get", "/missing")
