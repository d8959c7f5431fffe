"""Async helpers shared by the migrated code of this package.

Written by ``migrate apply`` (and extended when a later step needs more);
needs only the standard library and httpx (requests for the tests).
"""

from __future__ import annotations

import logging
import sys

import httpx
import requests
import requests.adapters

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


def through_requests(request: httpx.Request) -> httpx.Response | httpx.Request:
    """A respx side effect for a test file whose code sends through both httpx
    and requests: it hands the httpx request to requests, where the file's
    requests mocks (``responses``, requests-mock, httpretty) answer and record
    it as before, and returns their answer. With no requests mock active, a
    request to this machine (a test's own server) goes through as it did; any
    other fails as an unreachable host would, and sends nothing."""
    # httpretty fakes the sockets requests opens.
    httpretty = sys.modules.get("httpretty")
    if (
        requests.adapters.HTTPAdapter.send is UNMOCKED_SEND
        and requests.Session.send is UNMOCKED_SESSION_SEND
        and not (httpretty is not None and httpretty.is_enabled())
    ):
        if request.url.host in LOOPBACK:
            return request  # respx sends a request its side effect hands back
        raise httpx.ConnectError("no requests mock is active", request=request)
    # The headers as written: httpx's own view of them is lowercased, which a
    # requests mock matching headers exactly would not find.
    headers = {k.decode("latin1"): v.decode("latin1") for k, v in request.headers.raw}
    body: str | bytes | None = request.content or None
    form = request.headers.get("content-type") == "application/x-www-form-urlencoded"
    if body and form:
        body = request.content.decode()  # as requests recorded a form: text
    # The timeout the code gave, as requests records it (one number for both).
    timeout = request.extensions.get("timeout", {})
    connect, read = timeout.get("connect"), timeout.get("read")
    try:
        answer = requests.request(
            request.method,
            str(request.url),
            headers=headers,
            data=body,
            timeout=connect if connect == read else (connect, read),
            # httpx follows redirects itself, through respx.
            allow_redirects=False,
        )
    except requests.RequestException as error:
        for kind in type(error).__mro__:
            if kind.__name__ in RAISED_AS:
                raised = getattr(httpx, RAISED_AS[kind.__name__])
                raise raised(str(error), request=request) from error
        raise
    # requests has decoded the body already.
    headers = [(k, v) for k, v in answer.headers.items() if k.lower() != DECODED]
    return httpx.Response(
        answer.status_code,
        headers=headers,
        content=answer.content,
        extensions={"reason_phrase": (answer.reason or "").encode()},
    )


DECODED = "content-encoding"
LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})
UNMOCKED_SEND = requests.adapters.HTTPAdapter.send
UNMOCKED_SESSION_SEND = requests.Session.send
#: A requests exception -> the httpx exception httpx raises in that case.
RAISED_AS = {
    "ConnectionError": "ConnectError",
    "SSLError": "ConnectError",
    "ProxyError": "ProxyError",
    "ConnectTimeout": "ConnectTimeout",
    "ReadTimeout": "ReadTimeout",
    "Timeout": "TimeoutException",
    "RequestException": "RequestError",
    "TooManyRedirects": "TooManyRedirects",
    "ChunkedEncodingError": "RemoteProtocolError",
    "ContentDecodingError": "DecodingError",
}
