"""Async helpers shared by the migrated code of this package.

Written by ``migrate apply`` (and extended when a later step needs more);
needs only the standard library and httpx.
"""

from __future__ import annotations

import logging
import os
import ssl
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


def requests_tls(verify: Any = True, cert: Any = None) -> ssl.SSLContext | bool:
    """requests' ``verify=`` (a bool, or the path of a CA bundle or directory)
    and ``cert=`` (a file, or a (certificate, key) pair) as the SSL context
    httpx takes as ``verify=``: its ``cert=``, and a path as ``verify=``, are
    deprecated."""
    if isinstance(verify, ssl.SSLContext):
        context = verify
    elif isinstance(verify, (str, os.PathLike)):
        path = os.fspath(verify)
        if os.path.isdir(path):
            context = ssl.create_default_context(capath=path)
        else:
            context = ssl.create_default_context(cafile=path)
    elif not cert:
        return TLS_CONTEXT if verify or verify is None else False
    else:
        context = httpx.create_ssl_context(verify=verify is not False)
    if isinstance(cert, (str, os.PathLike)):
        context.load_cert_chain(cert)
    elif cert:
        context.load_cert_chain(*cert)
    return context
