"""Async helpers shared by the migrated code of this package.

Written by ``migrate apply`` (and extended when a later step needs more);
needs only the standard library and httpx.
"""

from __future__ import annotations

import logging
from typing import Any
from unittest import mock

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


def async_client_mock(**kwargs: Any) -> mock.MagicMock:
    """A stand-in for an httpx.AsyncClient, as a MagicMock stood for a
    requests.Session in a test: its request methods are awaited and answer a
    MagicMock the test configures as before (``.get.return_value``), and it is
    its own ``async with`` target."""
    client = mock.MagicMock(**kwargs)
    for name in "request send get head options post put patch delete".split():
        setattr(client, name, mock.AsyncMock(return_value=mock.MagicMock()))
    client.aclose = mock.AsyncMock()
    # ``async with`` gives what ``with`` gives: the client, or what a test set
    # as ``Session.return_value.__enter__.return_value``.
    client.__enter__.return_value = client
    client.__aenter__.side_effect = lambda *args: client.__enter__.return_value
    return client
