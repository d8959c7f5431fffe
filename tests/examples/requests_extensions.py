# Project classes that extend requests keep requests: calls made in them,
# handed one of them, or sending a request requests prepared.
# checks: REVIEW OFFLOAD BOUNDARY
import requests


class TokenAuth(requests.auth.AuthBase):  # REVIEW: TokenAuth extends requests.auth.AuthBase
    def __init__(self, token):
        self.token = token

    def __call__(self, request):  # BOUNDARY: dunder
        request.headers["Authorization"] = f"Bearer {self.token}"
        return request


class ApiSession(requests.Session):  # REVIEW: ApiSession extends requests.Session
    def request(self, method, url, **kwargs):
        return super().request(method, url, **kwargs)  # BLOCKING: requests.Session.request # REVIEW: ApiSession extends requests.Session (port it to an httpx.AsyncClient subclass


def private(url):
    auth = TokenAuth("secret")
    return requests.get(url, auth=auth, timeout=5).json()  # BLOCKING: requests.get # REVIEW: its argument of type TokenAuth extends requests.auth.AuthBase


def prepared(url):
    session = requests.Session()
    request = requests.Request("GET", url)  # REVIEW: builds a request by hand
    return session.send(request.prepare(), timeout=5)  # BLOCKING: requests.Session.send # REVIEW: sends a request prepared by requests


def public(url):  # ASYNC: calls requests.get
    return requests.get(url, timeout=5).json()  # BLOCKING: requests.get


def both(url):  # ASYNC: calls requests_extensions.public
    return [public(url), private(url)]  # OFFLOAD: sync_to_async thread_sensitive=False
