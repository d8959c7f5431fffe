"""Serve an app on an ephemeral loopback port, in a thread, under a real server.

A WSGI app runs under waitress (a real multi-threaded WSGI server), an ASGI
app (Quart) under hypercorn (Quart's own ASGI server, one event loop).
Running them in-process keeps start-up fast and lets the caller read the
port the server picked.
"""

from __future__ import annotations

import asyncio
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from waitress.server import create_server

STARTUP_TIMEOUT = 10.0


def is_asgi(app: Any) -> bool:
    """Whether ``app`` is an ASGI application (a Quart app); otherwise it is WSGI."""
    return hasattr(app, "asgi_app") or hasattr(app, "before_serving")


@contextmanager
def serve_app(app: Any, threads: int = 8) -> Iterator[str]:
    """Serve ``app`` under the server its interface calls for; yields its base URL."""
    server = serve_asgi(app) if is_asgi(app) else serve_wsgi(app, threads=threads)
    with server as base_url:
        yield base_url


@contextmanager
def serve_asgi(app: Any) -> Iterator[str]:
    """Serve an ASGI ``app`` with hypercorn until the block ends; yields its base URL.

    One hypercorn worker on its own event loop in a thread, the app's
    ``before_serving``/``after_serving`` hooks run by hypercorn's lifespan.
    """
    from hypercorn.asyncio import serve
    from hypercorn.config import Config

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = Config()
    config.bind = [f"fd://{sock.fileno()}"]
    config.accesslog = None
    config.errorlog = "-"
    config.loglevel = "WARNING"
    config.graceful_timeout = 3.0
    started = threading.Event()
    stopping: dict[str, Any] = {}
    failure: list[BaseException] = []

    async def main() -> None:
        stop = asyncio.Event()
        stopping["loop"], stopping["event"] = asyncio.get_running_loop(), stop

        async def ready_then_wait() -> None:
            started.set()
            await stop.wait()

        await serve(app, config, shutdown_trigger=ready_then_wait)

    def run() -> None:
        try:
            asyncio.run(main())
        except BaseException as exc:  # surfaced to the caller, never a dying thread
            failure.append(exc)
        finally:
            started.set()

    thread = threading.Thread(target=run, name="hypercorn", daemon=True)
    thread.start()
    started.wait(STARTUP_TIMEOUT)
    if failure:
        sock.close()
        raise RuntimeError("hypercorn failed to start") from failure[0]
    sock.detach()  # hypercorn owns the descriptor now and closes it when it stops
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        loop, stop = stopping.get("loop"), stopping.get("event")
        if loop is not None and stop is not None and not loop.is_closed():
            loop.call_soon_threadsafe(stop.set)
        thread.join(timeout=10)
        if failure:
            raise RuntimeError("hypercorn stopped with an error") from failure[0]


@contextmanager
def serve_wsgi(app: Any, threads: int = 8) -> Iterator[str]:
    """Serve ``app`` until the block ends; yields its base URL."""
    server: Any = create_server(
        app,
        host="127.0.0.1",
        port=0,
        threads=threads,
        ident="waitress",
        clear_untrusted_proxy_headers=True,
    )
    thread = threading.Thread(target=server.run, name="waitress", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.effective_port}"
    finally:
        server.task_dispatcher.shutdown()
        # waitress has no public stop(). Its socket map may only be touched
        # from the server's own thread, so the close runs there, as a thunk
        # the trigger executes; an empty map ends the server's loop.
        trigger = server.trigger
        try:
            trigger.pull_trigger(lambda: _close_all(server))
        except OSError:
            # The server closed itself first (its trigger with it): nothing to stop.
            if not trigger._closed:
                raise
        thread.join(timeout=5)


def _close_all(server: Any) -> None:
    for channel in list(server._map.values()):
        channel.close()
