"""Small real servers on 127.0.0.1 that fail in one precise way each.

``sample_upstreams`` serves well-behaved services with injectable faults; the
failures here sit below HTTP (a full accept queue, a peer that never reads,
a connection closed mid-response), where a framework would not let a server
misbehave on purpose. Each server is a plain socket served by threads, so
both requests and httpx meet it exactly as they would meet a broken host.
"""

from __future__ import annotations

import select
import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

#: How long a server that stalls holds a connection before giving up. Long
#: enough that every client timeout in the tests fires first; the server
#: closes its sockets on exit, so nothing waits this long in practice.
STALL_SECONDS = 10.0

Handler = Callable[[socket.socket, threading.Event], None]


def read_head(conn: socket.socket) -> bytes:
    """Read one request head (up to the blank line); b"" when the peer closed."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return b""
        data += chunk
    return data


def response(status: str, body: bytes = b"", headers: str = "", length: int | None = None) -> bytes:
    """Raw HTTP/1.1 response bytes; ``length`` may announce more than ``body`` holds."""
    declared = len(body) if length is None else length
    head = f"HTTP/1.1 {status}\r\nContent-Length: {declared}\r\n{headers}\r\n"
    return head.encode("latin-1") + body


class _TrackedSocket(socket.socket):
    """A server-side connection that knows when its handler waits for the client."""

    waiting = False

    def recv(self, bufsize: int, flags: int = 0) -> bytes:
        self.waiting = True
        try:
            return super().recv(bufsize, flags)
        finally:
            self.waiting = False


class _TrackedSSLSocket(ssl.SSLSocket):
    """The same over TLS (an ``SSLContext.sslsocket_class``)."""

    waiting = False

    def recv(self, buflen: int = 1024, flags: int = 0) -> bytes:
        self.waiting = True
        try:
            return super().recv(buflen, flags)
        finally:
            self.waiting = False


def tls_context(server_pem: Path) -> ssl.SSLContext:
    """A server-side TLS context presenting the key and chain in ``server_pem``."""
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(server_pem)
    context.sslsocket_class = _TrackedSSLSocket
    return context


class Server:
    """A running loopback server: its ``url``, and ``settle`` to wait for stragglers."""

    def __init__(self, listener: socket.socket, scheme: str) -> None:
        self.url = f"{scheme}://127.0.0.1:{listener.getsockname()[1]}"
        self.listener = listener
        self.live: set[_TrackedSocket | _TrackedSSLSocket] = set()
        self.lock = threading.Lock()

    def settle(self, limit: float = STALL_SECONDS) -> bool:
        """Wait until every byte clients sent has been handled; False if ``limit`` passed.

        A client that gives up on a request (a gather cancelling the calls after
        a failure) may already have sent it: the server reads it later, and
        without this a log taken in between would credit it to the next caller.
        Settled means no connection waits to be accepted, and each open one has
        its handler blocked in ``recv`` with nothing to read.
        """
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            # Under the lock a connection is either still queued (the listener
            # is readable) or accepted and live, never in between.
            with self.lock:
                live = list(self.live)
                quiet = all(conn.waiting for conn in live)
                if quiet:
                    try:
                        readable, _, _ = select.select([self.listener, *live], [], [], 0)
                    except (OSError, ValueError):
                        readable = [self.listener]  # closed meanwhile: look again
                    if not readable:
                        return True
            time.sleep(0.005)
        return False


@contextmanager
def serve(handler: Handler) -> Iterator[str]:
    """Serve ``handler(conn, stopping)`` for each connection; yields the base URL."""
    with serve_tracked(handler) as server:
        yield server.url


@contextmanager
def serve_tracked(handler: Handler, tls: ssl.SSLContext | None = None) -> Iterator[Server]:
    """Like ``serve``, yielding the :class:`Server` (for ``settle``); over TLS with ``tls``."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    listener.setblocking(False)
    stopping = threading.Event()
    server = Server(listener, "https" if tls else "http")
    connections: list[socket.socket] = []

    def handle(conn: _TrackedSocket | _TrackedSSLSocket) -> None:
        try:
            if tls is not None:
                plain, conn = conn, tls.wrap_socket(conn, server_side=True)
                assert isinstance(conn, _TrackedSSLSocket)
                with server.lock:
                    server.live.discard(plain)
                    server.live.add(conn)
                    connections.append(conn)
            handler(conn, stopping)
        except OSError:
            pass  # the client went away first: that is what some tests provoke
        finally:
            with server.lock:
                server.live.discard(conn)
            conn.close()

    def accept() -> None:
        while not stopping.is_set():
            try:
                # accept() in another thread does not wake when the socket is
                # closed: wait for a connection in short turns.
                ready, _, _ = select.select([listener], [], [], 0.05)
            except (OSError, ValueError):
                return
            if not ready:
                continue
            with server.lock:
                try:
                    accepted, _ = listener.accept()
                except BlockingIOError:
                    continue
                except OSError:
                    return
                conn = _TrackedSocket(fileno=accepted.detach())
                conn.settimeout(None)
                connections.append(conn)
                server.live.add(conn)
            threading.Thread(target=handle, args=(conn,), daemon=True).start()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        stopping.set()
        listener.close()
        for conn in connections:
            try:
                conn.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        thread.join(5)


def never_answers(conn: socket.socket, stopping: threading.Event) -> None:
    """Reads the request, then says nothing: a read timeout."""
    read_head(conn)
    stopping.wait(STALL_SECONDS)


def never_reads(conn: socket.socket, stopping: threading.Event) -> None:
    """Accepts and never reads: a large upload fills the buffers, a write timeout."""
    stopping.wait(STALL_SECONDS)


def hangs_up(conn: socket.socket, stopping: threading.Event) -> None:
    """Reads the request and closes the connection without a response."""
    read_head(conn)


def cuts_body(conn: socket.socket, stopping: threading.Event) -> None:
    """Announces 256 bytes of body, sends 12, closes."""
    read_head(conn)
    conn.sendall(response("200 OK", b'{"partial": ', length=256))


def bad_json(conn: socket.socket, stopping: threading.Event) -> None:
    """A complete 200 response whose JSON body is truncated."""
    while read_head(conn):
        body = b'{"broken": '
        conn.sendall(response("200 OK", body, "Content-Type: application/json\r\n"))


def bad_gzip(conn: socket.socket, stopping: threading.Event) -> None:
    """A body that says it is gzip and is not."""
    while read_head(conn):
        conn.sendall(response("200 OK", b"not gzip at all", "Content-Encoding: gzip\r\n"))


def redirects_forever(conn: socket.socket, stopping: threading.Event) -> None:
    """Every request is redirected to another path of the same server, keep-alive."""
    count = 0
    while read_head(conn):
        count += 1
        conn.sendall(response("302 Found", headers=f"Location: /hop/{count}\r\n"))


def server_error(conn: socket.socket, stopping: threading.Event) -> None:
    """A well-formed 500 with a JSON body."""
    while read_head(conn):
        conn.sendall(response("500 Internal Server Error", b'{"error": "internal"}'))


def speaks_plain_http(conn: socket.socket, stopping: threading.Event) -> None:
    """A plain HTTP server greeted with a TLS handshake: it answers 400 at once."""
    if conn.recv(65536):
        conn.sendall(response("400 Bad Request"))


def rejects_tunnel(conn: socket.socket, stopping: threading.Event) -> None:
    """A proxy that answers every request, ``CONNECT`` included, with 403."""
    while read_head(conn):
        conn.sendall(response("403 Forbidden"))


@contextmanager
def full_accept_queue() -> Iterator[str]:
    """A listener whose accept queue is full: new connections are never answered.

    Linux drops a SYN while the queue of a ``listen(0)`` socket is full, so a
    client waits for the TCP handshake until its connect timeout fires.
    """
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(0)
    address = listener.getsockname()
    fillers = []
    try:
        for _ in range(4):
            filler = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            filler.setblocking(False)
            try:
                filler.connect(address)
            except BlockingIOError:
                pass
            fillers.append(filler)
        yield f"http://127.0.0.1:{address[1]}"
    finally:
        for filler in fillers:
            filler.close()
        listener.close()


def refused_url() -> str:
    """A loopback URL where nothing listens: the connection is refused."""
    probe = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    return f"http://127.0.0.1:{port}"


class Scripted:
    """An HTTP/1.1 keep-alive server whose paths say how to answer.

    ``/ok/<name>`` answers 200 ``{"name": name}``; ``/slow/<ms>`` waits that
    many milliseconds, then answers 200; ``/fail/<ms>`` waits, then answers
    500; ``/hang`` never answers. ``log`` lists ``(path, outcome)`` in the
    order requests were settled: ``"answered"``, or ``"abandoned"`` when the
    client hung up first.
    """

    def __init__(self) -> None:
        self.log: list[tuple[str, str]] = []
        self._lock = threading.Lock()
        self.abandoned = threading.Event()

    def _record(self, path: str, outcome: str) -> None:
        with self._lock:
            self.log.append((path, outcome))

    def paths(self) -> list[str]:
        with self._lock:
            return [path for path, _ in self.log]

    def handle(self, conn: socket.socket, stopping: threading.Event) -> None:
        while True:
            head = read_head(conn)
            if not head:
                return
            path = head.split(b" ", 2)[1].decode("latin-1")
            kind, _, arg = path.strip("/").partition("/")
            wait = STALL_SECONDS if kind == "hang" else int(arg) / 1000 if arg.isdigit() else 0
            if _client_left(conn, wait, stopping) or kind == "hang":
                self._record(path, "abandoned")
                self.abandoned.set()
                return
            if kind == "fail":
                answer = response("500 Internal Server Error", b'{"error": "internal"}')
            else:
                body = f'{{"name": "{arg}"}}'.encode()
                answer = response("200 OK", body, "Content-Type: application/json\r\n")
            # Logged before the client can see the answer, so the log is complete
            # by the time the client returns.
            self._record(path, "answered")
            conn.sendall(answer)


def _client_left(conn: socket.socket, seconds: float, stopping: threading.Event) -> bool:
    """Wait ``seconds`` (or until the server stops); True if the client hung up meanwhile."""
    deadline = time.monotonic() + seconds
    conn.settimeout(0.02)
    try:
        while not stopping.is_set() and time.monotonic() < deadline:
            try:
                if conn.recv(1) == b"":
                    return True
            except TimeoutError:
                continue
        return False
    finally:
        conn.settimeout(None)
