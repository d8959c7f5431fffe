"""Async helpers shared by the migrated code of this package.

Written by ``migrate apply`` (and extended when a later step needs more);
needs only the standard library and httpx.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from itertools import groupby
from typing import Any
from urllib.parse import parse_qs, parse_qsl, urlsplit

import httpx

# One TLS context for every client the package makes: httpx would load the CA
# bundle again for each one (~15 ms), and where sync code runs each call on a
# new event loop, a client lives one call.
TLS_CONTEXT = httpx.create_ssl_context()


def _request_log_at_debug(record: logging.LogRecord) -> bool:
    """httpx logs each request at INFO, where urllib3 logged it at DEBUG: a
    program logging at INFO would print a line it never printed."""
    if record.levelno != logging.INFO:
        return True
    record.levelno, record.levelname = logging.DEBUG, "DEBUG"
    return logging.getLogger(record.name).isEnabledFor(logging.DEBUG)


logging.getLogger("httpx").addFilter(_request_log_at_debug)


def unmatched_connect_error(router: Any) -> None:
    """Have a respx router (or the ``respx`` module, its global one) fail a
    request no other route of it matches with httpx.ConnectError, as responses
    failed one no registration matched with requests' ConnectionError (respx
    raises its AllMockedAssertionError). The route goes in first but answers
    last: a request a route registered after it matches goes on to that route.
    It is none of the test's registrations, so a router asserting they were all
    called skips it. Only tests call this, so respx is imported here, not with
    the module."""
    from respx import Route

    class Unmatched(Route):
        @property
        def called(self) -> bool:
            return True

    def answer(request: httpx.Request, route: Route) -> None:
        others = [other for other in router.routes if other is not route]
        if any(other.pattern.match(request) for other in others):
            return None  # a route registered after this one answers
        sent = f"{request.method} {request.url}"
        raise httpx.ConnectError(
            f"Connection refused: {sent} matches no mock",
            request=request,
        )

    router.add(Unmatched().mock(side_effect=answer))


def request_body(request: httpx.Request) -> str | bytes | None:
    """An httpx request's body as requests' ``PreparedRequest.body`` holds it,
    for an auth: None when empty, text for a form (requests encodes
    ``data={...}`` to text), bytes otherwise."""
    if not request.content:
        return None
    if request.headers.get("Content-Type", "").startswith(FORM):
        return request.content.decode()
    return request.content


FORM = "application/x-www-form-urlencoded"


def responses_params(request: httpx.Request) -> dict[str, Any]:
    """The query of ``request`` as responses records it on the requests it
    sees (``request.params``): each parameter's text, or a list of them for a
    parameter given several times in a row (responses groups neighbours: a
    later run of the same parameter replaces an earlier one)."""
    params: dict[str, Any] = {}
    pairs = parse_qsl(request.url.query.decode(), keep_blank_values=True)
    for key, run in groupby(pairs, key=lambda pair: pair[0]):
        values = [value for _, value in run]
        params[key] = values[0] if len(values) == 1 else values
    return params


class RequestsRequest:
    """An httpx.Request as a requests mock's callback reads it: ``url`` a
    string, ``body`` as requests prepared it (None, text for a form, else
    bytes) and, as the mocking library added them, ``params`` (responses) and
    ``text``, ``json()``, ``qs``, ``path``, ``query``, ``hostname``
    (requests-mock, which lowercases the URL it splits)."""

    def __init__(self, request: httpx.Request) -> None:
        self.method = request.method
        self.url = str(request.url)
        self.headers = request.headers
        self.body = request_body(request)
        self.path_url = request.url.raw_path.decode("ascii")
        self.params = responses_params(request)
        parts = urlsplit(self.url.lower())
        self.scheme, self.netloc, self.path, self.query = parts[:4]
        self.hostname = self.netloc.split(":")[0]
        self.qs = parse_qs(self.query, keep_blank_values=True)

    @property
    def text(self) -> str | None:
        body = self.body
        return body.decode() if isinstance(body, bytes) else body

    def json(self, **kwargs: Any) -> Any:
        return json.loads(self.text or "", **kwargs)


def responses_callback(
    callback: Callable[[Any], Any], content_type: str | None = "text/plain"
) -> Callable[[httpx.Request], httpx.Response]:
    """A respx side effect answering as
    ``responses.add_callback(..., callback)``: the callback gets the request as
    requests prepared it and returns ``(status, headers, body)``, or an
    exception to raise; ``content_type`` is the answer's Content-Type unless
    the callback's headers name one."""

    def answer(request: httpx.Request) -> httpx.Response:
        result = callback(RequestsRequest(request))
        if isinstance(result, BaseException):
            raise result
        status, headers, body = result
        if isinstance(body, BaseException):
            raise body
        sent = httpx.Headers(headers)
        if content_type is not None and "Content-Type" not in sent:
            sent["Content-Type"] = content_type
        content = body.encode() if isinstance(body, str) else body
        return httpx.Response(status, headers=sent, content=content)

    return answer
