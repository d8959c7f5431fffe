"""A decorator's wrapper that sleeps between tries: async with the function it
wraps when that one becomes async, sync (its sleep too) around one that stays
sync, so callers of neither get a coroutine they do not await. Its default
``exceptions=(requests.ConnectionError,)`` is widened as an except clause is:
a peer that hangs up is still retried (httpx's RemoteProtocolError)."""

import socket
import threading

ROUTES = {"GET api.example.com /price": (200, {"price": 5})}


def _refused():
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    return f"http://127.0.0.1:{port}/price"


def _tries_against_a_peer_that_hangs_up(run, price):
    """How many times ``price`` connects to a server that reads each request
    and closes the connection without an answer."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    tries = []

    def serve():
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            with conn:
                tries.append(conn.recv(65536))

    threading.Thread(target=serve, daemon=True).start()
    try:
        run.call(price, f"http://127.0.0.1:{listener.getsockname()[1]}/price")
    except Exception:
        pass
    finally:
        listener.close()
    return len(tries)


def drive(run):
    retrying = run.module("retrying")
    run.check("price", retrying.price, run.url("api.example.com") + "/price")
    run.check("price retried then refused", retrying.price, _refused())
    run.check("retried after hang-ups", _tries_against_a_peer_that_hangs_up, run, retrying.price)
    run.check("parse", retrying.parse, "42")
    run.check("parse fails twice", retrying.parse, "x")
    run.check("name kept", lambda: retrying.price.__name__)
