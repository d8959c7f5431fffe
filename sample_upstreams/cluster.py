"""Run every upstream service on its own uvicorn server in one background thread."""

from __future__ import annotations

import asyncio
import logging
import socket
import threading
from types import TracebackType
from typing import Any

import uvicorn

from .app import ServiceApp, Sleeper
from .log import RequestLog
from .network import TlsMaterial, handshake_round_trips, upstream_protocol
from .state import SERVICES, ClusterState

__all__ = ["UpstreamCluster"]

#: The event loops the servers can run on.
LOOPS = frozenset({"asyncio", "uvloop"})
#: Upper bound for start() and stop(); both normally take well under a second.
STARTUP_TIMEOUT = 10.0
SHUTDOWN_TIMEOUT = 10.0


class _DeliberateDropFilter(logging.Filter):
    """Silence uvicorn's error for responses the ``drop`` fault cuts on purpose."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.getMessage() != "ASGI callable returned without completing response."


def _install_log_filter() -> None:
    logger = logging.getLogger("uvicorn.error")
    if not any(isinstance(f, _DeliberateDropFilter) for f in logger.filters):
        logger.addFilter(_DeliberateDropFilter())


class UpstreamCluster:
    """Nine fake upstream HTTP services on ``127.0.0.1`` (ephemeral ports).

    Each service is a real uvicorn server (HTTP/1.1, keep-alive, concurrent
    requests); all of them share one event loop in one daemon thread. Latency,
    faults and a request log make the upstreams useful to test an app's
    concurrency and error handling::

        with UpstreamCluster(latency=0.1) as cluster:
            requests.get(cluster.urls["weather"] + "/v1/weather?city=Oslo",
                         headers={"X-Api-Key": "dev-key"})

    ``latency`` is the default per-request latency in seconds; ``latencies``
    overrides it per service name. Every request must carry ``X-Api-Key: api_key``.
    A ``jobs`` report is ``pending`` for ``report_ready_after`` polls, then ``done``.

    ``tls=True`` serves HTTPS with a throwaway CA (:attr:`ca_bundle`; clients
    learn it from :meth:`client_env`). ``rtt`` is a network round-trip time in
    seconds: every response waits one, and a new connection waits one more per
    handshake (TCP, and TLS when on) before its first request is read.
    ``loop="uvloop"`` serves them on uvloop: less CPU per request, for a
    benchmark where the upstreams share the machine with what they serve.
    """

    def __init__(
        self,
        latency: float = 0.0,
        latencies: dict[str, float] | None = None,
        api_key: str = "dev-key",
        report_ready_after: int = 2,
        tls: bool = False,
        rtt: float = 0.0,
        loop: str = "asyncio",
    ) -> None:
        if rtt < 0:
            raise ValueError("rtt must be >= 0")
        if loop not in LOOPS:
            raise ValueError(f"unknown loop {loop!r}; expected one of {sorted(LOOPS)}")
        self._loop_kind = loop
        self.log = RequestLog()
        self._state = ClusterState(latency, latencies, api_key, report_ready_after, rtt)
        self.tls = tls
        self.rtt = rtt
        self._tls_material: TlsMaterial | None = None
        self.urls: dict[str, str] = {}
        self._sleeper = Sleeper()
        self._servers: list[uvicorn.Server] = []
        self._sockets: list[socket.socket] = []
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._ready = threading.Event()
        self._error: BaseException | None = None

    @property
    def api_key(self) -> str:
        """The value every request must send in ``X-Api-Key``."""
        return self._state.api_key

    @property
    def listening_sockets(self) -> tuple[socket.socket, ...]:
        """The servers' listening sockets, one per service."""
        return tuple(self._sockets)

    @property
    def ca_bundle(self) -> str | None:
        """Path of the PEM file with the CA that signed the servers' certificate (TLS only)."""
        return str(self._tls_material.ca_bundle) if self._tls_material else None

    # -- lifecycle -----------------------------------------------------------

    def start(self) -> UpstreamCluster:
        """Bind ports, start the servers and return once all of them accept connections."""
        if self._thread is not None:
            raise RuntimeError("cluster already started")
        if self.tls:
            self._tls_material = TlsMaterial()
        scheme = "https" if self.tls else "http"
        # Bind here, in the caller's thread, so urls are known before serving and
        # the OS picks free ports (no collisions between parallel test runs).
        for name in SERVICES:
            # proto=IPPROTO_TCP matters: asyncio sets TCP_NODELAY only on sockets
            # whose proto says TCP, and without it Nagle + delayed ACK add ~40 ms
            # to every keep-alive request after the first.
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
            sock.bind(("127.0.0.1", 0))
            self._sockets.append(sock)
            port = sock.getsockname()[1]
            self.urls[name] = f"{scheme}://127.0.0.1:{port}"
        self._state.base_urls = dict(self.urls)

        for name in SERVICES:
            app = ServiceApp(name, self._state, self.log, self._sleeper, self.reset)
            config = uvicorn.Config(
                app,
                log_level="warning",
                lifespan="off",
                timeout_keep_alive=30,
                # Backstop only: Sleeper already wakes stalled requests on stop().
                timeout_graceful_shutdown=3,
                **self._network_settings(),
            )
            self._servers.append(uvicorn.Server(config))
        # uvicorn.Config (re)configures its loggers, so add the filter afterwards.
        _install_log_filter()

        self._thread = threading.Thread(target=self._run, name="upstream-cluster", daemon=True)
        self._thread.start()
        if not self._ready.wait(STARTUP_TIMEOUT):
            self.stop()
            raise RuntimeError("upstream servers did not start in time")
        if self._error is not None:
            error = self._error
            self.stop()
            raise RuntimeError("upstream servers failed to start") from error
        return self

    def _network_settings(self) -> dict[str, Any]:
        handshakes = self.rtt * handshake_round_trips(self.tls)
        settings: dict[str, Any] = {"http": upstream_protocol(handshakes)}
        if self._tls_material is not None:
            settings["ssl_certfile"] = str(self._tls_material.server_pem)
        return settings

    def _run(self) -> None:
        try:
            if self._loop_kind == "uvloop":
                import uvloop  # an optional dependency, needed for this loop only

                uvloop.run(self._serve_all())
            else:
                asyncio.run(self._serve_all())
        except BaseException as exc:  # surfaced to start(); the thread must not die loudly
            self._error = exc
        finally:
            self._ready.set()
            for sock in self._sockets:  # uvicorn closes them; this is for failed starts
                sock.close()

    async def _serve_all(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._sleeper.bind()
        tasks = [
            asyncio.create_task(s.serve(sockets=[sock]))
            for s, sock in zip(self._servers, self._sockets, strict=True)
        ]
        while not all(s.started for s in self._servers):
            failed = [t for t in tasks if t.done()]
            if failed:
                # A server exited during startup: stop the rest and report its error.
                for server in self._servers:
                    server.should_exit = True
                await asyncio.gather(*tasks, return_exceptions=True)
                failed[0].result()
                raise RuntimeError("an upstream server exited during startup")
            await asyncio.sleep(0.01)
        self._ready.set()
        await asyncio.gather(*tasks)

    def stop(self) -> None:
        """Stop all servers (in-flight sleeps end early) and join the thread."""
        thread, loop = self._thread, self._loop
        if thread is None:
            return
        for server in self._servers:
            server.should_exit = True  # polled by uvicorn's main loop every 0.1 s
        if loop is not None and not loop.is_closed():
            try:
                loop.call_soon_threadsafe(self._sleeper.stop)
            except RuntimeError:  # loop closed between the check and the call
                pass
        thread.join(SHUTDOWN_TIMEOUT)
        if thread.is_alive():
            raise RuntimeError("upstream servers did not stop in time")
        self._thread = None
        self._loop = None
        if self._tls_material is not None:
            self._tls_material.remove()
            self._tls_material = None

    def __enter__(self) -> UpstreamCluster:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # -- configuration -------------------------------------------------------

    def app_config(self) -> dict[str, str]:
        """Config for the legacy app: ``{"WEATHER_URL": "http://127.0.0.1:PORT", ...}``."""
        if not self.urls:
            raise RuntimeError("cluster not started")
        return {f"{name.upper()}_URL": self.urls[name] for name in SERVICES}

    def client_env(self) -> dict[str, str]:
        """Environment for an app process, so that its HTTP clients trust :attr:`ca_bundle`.

        Both names are the libraries' own: requests reads ``REQUESTS_CA_BUNDLE``,
        httpx (and the ssl module's default context through it) ``SSL_CERT_FILE``.
        Empty without TLS.
        """
        if self.ca_bundle is None:
            return {}
        return {"REQUESTS_CA_BUNDLE": self.ca_bundle, "SSL_CERT_FILE": self.ca_bundle}

    def set_latency(self, service: str, seconds: float, path: str | None = None) -> None:
        """Set latency of ``service`` (or of one route, e.g. ``"/v1/users/{id}"``)."""
        self._state.set_latency(service, seconds, path)

    def inject_fault(
        self, service: str, kind: str, path: str | None = None, times: int | None = None
    ) -> None:
        """Make ``service`` (or one route of it) misbehave.

        ``kind`` is one of ``error500`` (500 ``{"error": "internal"}``), ``slow``
        (stall 10 s, then answer), ``malformed`` (200 with truncated JSON) or
        ``drop`` (announce a longer body than sent, then close the connection).
        ``times=None`` keeps the fault until :meth:`reset`; otherwise it applies to
        that many requests. A faulted request does not reach the handler (no
        charge, reservation or job is created), except ``slow`` which answers
        normally after the stall.
        """
        self._state.inject_fault(service, kind, path, times)

    def reset(self) -> None:
        """Clear faults, latency overrides, the log, job state and inventory stock."""
        self._state.reset()
        self.log.clear()
