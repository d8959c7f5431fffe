# Project classes that extend requests keep requests: calls made in them,
# handed one of them, or sending a request requests prepared; a Session
# subclass that uses only what an AsyncClient has becomes one (an auth that
# uses only what an httpx.Request has, an httpx.Auth).
# checks: REVIEW OFFLOAD BOUNDARY
import requests


class TokenAuth(requests.auth.AuthBase):  # REVIEW: TokenAuth stays a requests auth: TokenAuth.__call__ uses request.prepare_url
    def __init__(self, token):
        self.token = token

    def __call__(self, request):  # BOUNDARY: dunder
        request.prepare_url(request.url, {"token": self.token})
        return request


class ApiSession(requests.Session):  # REVIEW: ApiSession stays a requests.Session subclass: ApiSession uses self.verify
    def __init__(self):
        super().__init__()
        self.verify = False

    def request(self, method, url, **kwargs):  # BOUNDARY: called by requests (requests.Session.request)
        return super().request(method, url, **kwargs)  # BLOCKING: requests.Session.request # REVIEW: stays on requests: ApiSession uses self.verify


class PrefixSession(requests.Session):
    def request(self, method, url, **kwargs):  # ASYNC: calls requests.Session.request
        return super().request(method, "https://api.example.com" + url, **kwargs)  # BLOCKING: requests.Session.request # REVIEW: request() is public and passes **kwargs


def through_subclass(path):  # ASYNC: calls requests.Session.get
    return PrefixSession().get(path).json()  # BLOCKING: requests.Session.get


def private(url):
    auth = TokenAuth("secret")
    return requests.get(url, auth=auth, timeout=5).json()  # BLOCKING: requests.get # REVIEW: its argument of type TokenAuth stays a requests auth


def prepared(url):
    session = requests.Session()
    request = requests.Request("GET", url)  # REVIEW: builds a request by hand
    return session.send(request.prepare(), timeout=5)  # BLOCKING: requests.Session.send # REVIEW: sends a request prepared by requests


def public(url):  # ASYNC: calls requests.get
    return requests.get(url, timeout=5).json()  # BLOCKING: requests.get


def both(url):  # ASYNC: calls requests_extensions.public
    return [public(url), private(url)]  # OFFLOAD: sync_to_async thread_sensitive=False
