"""Async helpers shared by the migrated code of this package.

Written by ``migrate apply`` (and extended when a later step needs more);
needs only the standard library and httpx.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from itertools import groupby
from types import SimpleNamespace
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


def answers_in_turn(*answers: Any) -> Callable[[httpx.Request], httpx.Response]:
    """A respx side effect that answers as a requests-mock response list does:
    one answer per request, in turn, and the last one again for every request
    after (a respx list is used up). An answer is an httpx.Response, an
    exception (or its class) to raise, or a side effect to call with the
    request."""
    pending = list(answers)

    def answer(request: httpx.Request) -> httpx.Response:
        effect = pending.pop(0) if len(pending) > 1 else pending[0]
        if isinstance(effect, type) and issubclass(effect, httpx.RequestError):
            raise effect("Mock Error", request=request)
        if isinstance(effect, (BaseException, type)):
            raise effect
        if callable(effect):
            return effect(request)
        return effect

    return answer


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


def requests_mock_answer(
    status_code: int = 200,
    headers: Any = None,
    reason: str | None = None,
    **body: Any,
) -> Callable[[httpx.Request], httpx.Response]:
    """A respx side effect answering as a requests-mock registration whose body
    (``json=``, ``text=`` or ``content=``) is a callback: it is called with the
    request and a context whose ``status_code``, ``headers`` and ``reason`` it
    may change before the answer is made."""

    def answer(request: httpx.Request) -> httpx.Response:
        context = SimpleNamespace(
            status_code=status_code, headers=dict(headers or {}), reason=reason
        )
        made = {
            kind: value(RequestsRequest(request), context) if callable(value) else value
            for kind, value in body.items()
        }
        extensions = {}
        if context.reason is not None:
            extensions["reason_phrase"] = context.reason.encode()
        return httpx.Response(
            context.status_code, headers=context.headers, extensions=extensions, **made
        )

    return answer
