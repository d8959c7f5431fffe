"""Async helpers shared by the migrated code of this package.

Written by ``migrate apply`` (and extended when a later step needs more);
needs only the standard library and httpx.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
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
