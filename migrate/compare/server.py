"""Serve a WSGI app with waitress on an ephemeral loopback port, in a thread.

waitress is a real multi-threaded WSGI server; running it in-process keeps
start-up fast and lets the caller read the port it picked.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from waitress.server import create_server


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
