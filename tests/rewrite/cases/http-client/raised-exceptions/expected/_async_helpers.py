"""Async helpers shared by the migrated code of this package.

Written by ``migrate apply`` (and extended when a later step needs more);
needs only the standard library and httpx.
"""

from __future__ import annotations

import logging
from typing import Any

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


class StatusError(httpx.HTTPStatusError):
    """requests' HTTPError as the project raises it.

    Its request and response are optional: httpx.HTTPStatusError needs both,
    and code that raised (or subclassed) requests.HTTPError often had neither
    at hand. ``except httpx.HTTPStatusError`` catches it like the errors
    httpx raises; a missing response is None, as it was in requests.
    """

    def __init__(
        self,
        *args: Any,
        request: httpx.Request | None = None,
        response: httpx.Response | None = None,
    ) -> None:
        Exception.__init__(self, *args)
        if request is None and response is not None:
            # A Response made without its request, or a test's own fake of one:
            # requests too took the response's request only when it had one.
            try:
                request = response.request
            except (AttributeError, RuntimeError):
                pass
        self._request = request
        self.response = response  # type: ignore[assignment]

    @property
    def request(self) -> httpx.Request:
        """The request, or None when none was given (as in requests)."""
        return self._request  # type: ignore[return-value]

    @request.setter
    def request(self, request: httpx.Request) -> None:
        self._request = request
