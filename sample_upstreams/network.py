"""What a real network adds to loopback: TLS and a round-trip time.

``TlsMaterial`` is a throwaway certificate authority and a server certificate
for ``127.0.0.1``, made with trustme and written to a temporary directory. The
CA reaches a client through its own configuration (a CA bundle path); no
system trust store is touched.

``upstream_protocol`` models the round trips a new connection costs before its
first request can be answered (one for TCP, one more for a TLS 1.3
handshake): the server holds a new connection's first bytes that long. The
round trip of each request and its response is waited by the service itself.
"""

from __future__ import annotations

import asyncio
import shutil
import tempfile
from pathlib import Path
from typing import Any

import trustme
from uvicorn.protocols.http.auto import AutoHTTPProtocol

__all__ = ["TlsMaterial", "handshake_round_trips", "upstream_protocol"]


class TlsMaterial:
    """A throwaway CA and a certificate for ``127.0.0.1``/``localhost``, as files."""

    def __init__(self) -> None:
        self._dir = Path(tempfile.mkdtemp(prefix="sample-upstreams-tls-"))
        ca = trustme.CA()
        cert = ca.issue_cert("127.0.0.1", "localhost")
        #: PEM bundle with the CA certificate: what clients must trust.
        self.ca_bundle = self._dir / "ca.pem"
        #: The server's private key and certificate chain in one PEM file.
        self.server_pem = self._dir / "server.pem"
        ca.cert_pem.write_to_path(str(self.ca_bundle))
        cert.private_key_and_cert_chain_pem.write_to_path(str(self.server_pem))

    def remove(self) -> None:
        """Delete the files (clients started with the bundle must be done by now)."""
        shutil.rmtree(self._dir, ignore_errors=True)


def handshake_round_trips(tls: bool) -> int:
    """Round trips before a new connection carries its first request: TCP, then TLS 1.3."""
    return 2 if tls else 1


def upstream_protocol(delay: float) -> type[asyncio.Protocol]:
    """uvicorn's HTTP protocol, holding each connection's first bytes ``delay`` seconds.

    The bytes keep their order (later ones wait behind the held ones); a
    connection closed meanwhile is simply dropped. Keep-alive requests after the
    first one pay nothing here, which is the point of reusing connections.

    At shutdown an idle connection is aborted rather than closed: a TLS close
    waits for the peer's ``close_notify``, which an idle keep-alive client never
    sends, and uvicorn would wait for it until its graceful timeout.
    """
    base: Any = AutoHTTPProtocol

    class UpstreamProtocol(base):
        def connection_made(self, transport: asyncio.BaseTransport) -> None:
            super().connection_made(transport)
            self._held: list[bytes] | None = [] if delay > 0 else None
            self._release_handle = asyncio.get_running_loop().call_later(delay, self._release)

        def data_received(self, data: bytes) -> None:
            if self._held is not None:
                self._held.append(data)
                return
            super().data_received(data)

        def connection_lost(self, exc: Exception | None) -> None:
            self._release_handle.cancel()
            self._held = None
            super().connection_lost(exc)

        def shutdown(self) -> None:
            super().shutdown()
            if self.transport.is_closing():
                self.transport.abort()

        def _release(self) -> None:
            held, self._held = self._held, None
            for data in held or ():
                if self.transport.is_closing():
                    return
                super().data_received(data)

    return UpstreamProtocol
