"""Retry libraries around requests that become async: tenacity's ``for attempt in
Retrying(...)`` becomes ``async for attempt in AsyncRetrying(...)`` (it sleeps
with asyncio), and the exception classes handed to tenacity and backoff catch
every httpx class requests' class stood for: a peer that hangs up is retried;
backoff's ``giveup=`` predicate reads ``e.response`` as an except clause does."""

import socket
import threading

ROUTES = {
    "POST api.example.com /items": [(503, {"busy": True}), (201, {"id": 7})],
    "GET api.example.com /status": (200, {"ok": True}),
    "GET api.example.com /missing": (404, {"error": "missing"}),
}


def _tries_against_a_peer_that_hangs_up(run, func):
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
        run.call(func, f"http://127.0.0.1:{listener.getsockname()[1]}/status")
    except Exception:
        pass
    finally:
        listener.close()
    return len(tries)


def drive(run):
    api = run.module("api")
    base = run.url("api.example.com")
    run.check("created after a 503", api.create, base, {"name": "lamp"})
    run.check("status", api.status, base + "/status")
    run.check("health", api.health, base + "/status")
    run.check("status retried after hang-ups", _tries_against_a_peer_that_hangs_up, run, api.status)
    run.check("health retried after hang-ups", _tries_against_a_peer_that_hangs_up, run, api.health)
    # backoff's giveup= gets each error: a hang-up has no response (None in
    # requests, no attribute in httpx), so it is retried; a 404 is not.
    run.check("checked retried after hang-ups", _tries_against_a_peer_that_hangs_up, run, api.checked)
    run.check("checked gives up on a 404", api.checked, base + "/missing")
