import hashlib
import logging
from urllib.parse import parse_qsl, urlencode

import requests
from requests.auth import AuthBase

log = logging.getLogger(__name__)


class QueryKeyAuth(AuthBase):
    """Puts the API key in the query string."""

    def __init__(self, key):
        self.key = key

    def __call__(self, r):
        r.url += ("&" if "?" in r.url else "?") + urlencode({"key": self.key})
        return r


class BodyDigestAuth(AuthBase):
    def __call__(self, r):
        body = r.body or ""
        if isinstance(body, str):
            body = body.encode()
        r.headers["X-Digest"] = hashlib.sha256(body).hexdigest()
        return r


def sign(url, method, body, headers, token):
    """What a signing library does: the token in the body of a form, else in a header."""
    headers = dict(headers)
    if isinstance(body, str) and body and method != "GET":
        body = urlencode([*parse_qsl(body), ("token", token)])
    else:
        headers["Authorization"] = f"Token {token}"
    return url + ("&" if "?" in url else "?") + "signed=1", headers, body


class TokenSigner(requests.auth.AuthBase):
    def __init__(self, token):
        self.token = token

    def __call__(self, r):
        log.debug("signing %s", r)
        if r.method == "HEAD":
            return r
        r.url, headers, r.body = sign(str(r.url), r.method, r.body, r.headers, self.token)
        r.prepare_headers(headers)
        return r
