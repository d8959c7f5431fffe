import hashlib
import hmac

import requests
from requests.auth import AuthBase

BASE = "https://api.example.com"


class SignatureAuth(AuthBase):
    def __init__(self, secret):
        self.secret = secret

    def __call__(self, request):
        message = request.method + request.path_url
        digest = hmac.new(self.secret.encode(), message.encode(), hashlib.sha256)
        request.headers["X-Signature"] = digest.hexdigest()
        request.headers["X-Signed"] = message
        return request


class Client:
    def __init__(self, secret):
        self.session = requests.Session()
        self.session.auth = SignatureAuth(secret)

    def call(self, method, path, params=None):
        response = self.session.request(method, BASE + path, params=params, timeout=5)
        response.raise_for_status()
        return response


def signature_of(secret, method, path, params):
    response = Client(secret).call(method, path, params)
    return response.request.headers["X-Signed"], response.request.headers["X-Signature"]
