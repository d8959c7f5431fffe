"""Async helpers shared by the migrated code of this package.

Written by ``migrate apply`` (and extended when a later step needs more);
needs only the standard library and httpx.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from itertools import groupby
from typing import Any
from urllib.parse import parse_qsl

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


def requests_values(items: Any) -> Any:
    """Query parameters or form fields as requests sends them: without those
    whose value is None (or the None items of a list), which httpx would send
    empty (``page=``), with bools as ``True``/``False``, which httpx sends as
    ``true``/``false``, and bytes as the text they encode, which httpx would
    send as ``b'...'`` (bytes names too, which a multipart form refuses). A
    dict, or a list of pairs; anything else (a string, bytes, a file) is
    returned as it is."""
    if isinstance(items, Mapping):
        kept: dict[Any, Any] = {}
        for key, value in items.items():
            if isinstance(value, (list, tuple)):
                value = [_as_sent(item) for item in value if item is not None]
            if value is not None:
                kept[_field_name(key)] = _as_sent(value)
        return kept
    if not isinstance(items, (list, tuple)):
        return items
    pairs: list[tuple[Any, Any]] = []
    for key, value in items:
        values = value if isinstance(value, (list, tuple)) else [value]
        name = _field_name(key)
        pairs += [(name, _as_sent(item)) for item in values if item is not None]
    return pairs


def _field_name(key: Any) -> Any:
    return key.decode() if isinstance(key, bytes) else key


def _as_sent(value: Any) -> Any:
    if isinstance(value, bytes):
        return value.decode()
    return str(value) if isinstance(value, bool) else value


def requests_params(url: Any, params: Any) -> Any:
    """``params`` for a request to ``url`` as requests sends them (see
    requests_values), after the query ``url`` already has: requests adds them
    to it, where httpx replaces it (a next page's link would lose its
    ``?page=2``)."""
    sent = requests_values(params)
    if sent is None or "?" not in str(url):
        return sent
    query = httpx.URL(str(url)).params
    return [*query.multi_items(), *httpx.QueryParams(sent).multi_items()]


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
