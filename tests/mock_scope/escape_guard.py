"""A pytest plugin that cuts the network and records every attempt to use it.

Loaded with ``-p escape_guard``: a request that no mock caught tries to
resolve or connect to a host that is not loopback; the host is appended to
the file named by ``ESCAPE_LOG`` and the attempt fails.
"""

import os
import socket

_LOG = os.environ["ESCAPE_LOG"]
_LOOPBACK = ("127.", "::1", "localhost")
_getaddrinfo = socket.getaddrinfo
_connect = socket.socket.connect


def _record(host: object) -> None:
    with open(_LOG, "a", encoding="utf-8") as log:
        log.write(f"{host}\n")


def _guarded_getaddrinfo(host, *args, **kwargs):  # type: ignore[no-untyped-def]
    if host is not None and not str(host).startswith(_LOOPBACK):
        _record(host)
        raise socket.gaierror(socket.EAI_NONAME, f"network cut: {host}")
    return _getaddrinfo(host, *args, **kwargs)


def _guarded_connect(self, address):  # type: ignore[no-untyped-def]
    host = address[0] if isinstance(address, tuple) else address
    if self.family in (socket.AF_INET, socket.AF_INET6) and not str(host).startswith(_LOOPBACK):
        _record(host)
        raise OSError(f"network cut: {host}")
    return _connect(self, address)


socket.getaddrinfo = _guarded_getaddrinfo
socket.socket.connect = _guarded_connect  # type: ignore[method-assign]
