from requests import Session
from requests.exceptions import RequestException
from requests_oauthlib import OAuth2Session

BASE = "https://api.example.com"


class TokenSession(OAuth2Session):
    def request(self, method, url, **kwargs):
        kwargs.setdefault("timeout", 10)
        return super().request(method, url, **kwargs)


class Client:
    def __init__(self, token=None):
        self._session = Session()
        self._oauth = None
        if token:
            self._oauth = TokenSession(token={"access_token": token, "token_type": "Bearer"})

    def get(self, path):
        try:
            response = self.raw_get(path)
        except RequestException as error:
            raise LookupError(f"{path}: {error}") from error
        return response.json()

    def raw_get(self, path):
        if self._oauth:
            return self._oauth.request("GET", BASE + path)
        return self._session.request("GET", BASE + path)
