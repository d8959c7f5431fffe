import hashlib
import logging
from urllib.parse import parse_qsl, urlencode

import httpx

from _async_helpers import request_body, with_body, with_headers

log = logging.getLogger(__name__)


class QueryKeyAuth(httpx.Auth):
    """Puts the API key in the query string."""

    def __init__(self, key):
        self.key = key

    def auth_flow(self, r):
        r.url = httpx.URL(
            str(r.url) + ("&" if "?" in str(r.url) else "?") + urlencode(
                {"key": self.key}
            )
        )
        yield r


class BodyDigestAuth(httpx.Auth):
    requires_request_body = True

    def auth_flow(self, r):
        body = request_body(r) or ""
        if isinstance(body, str):
            body = body.encode()
        r.headers["X-Digest"] = hashlib.sha256(body).hexdigest()
        yield r


def sign(url, method, body, headers, token):
    """What a signing library does: the token in the body of a form, else in a header."""
    headers = dict(headers)
    if isinstance(body, str) and body and method != "GET":
        body = urlencode([*parse_qsl(body), ("token", token)])
    else:
        headers["Authorization"] = f"Token {token}"
    return url + ("&" if "?" in url else "?") + "signed=1", headers, body


class TokenSigner(httpx.Auth):
    requires_request_body = True

    def __init__(self, token):
        self.token = token

    def auth_flow(self, r):
        log.debug("signing %s", r)
        if r.method == "HEAD":
            yield r
            return
        url, headers, body = sign(
            str(r.url), r.method, request_body(r), r.headers, self.token
        )
        r.url = httpx.URL(url)
        r = with_body(r, body)
        r.headers = with_headers(r, headers)
        yield r
