"""HTTPError and URLError caught: urlopen raises for 4xx/5xx, httpx must too."""

import socket

ROUTES = {
    "GET api.example.com /items/1": (200, {"id": 1}),
    "GET api.example.com /items/2": (404, {"error": "no such item"}),
    "GET api.example.com /items/3": (503, {"error": "maintenance"}),
}


def _refused():
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    return f"http://127.0.0.1:{port}/"


def _silent():
    """A host that takes the connection and never answers."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    return listener, f"http://127.0.0.1:{listener.getsockname()[1]}/"


def drive(run):
    errors = run.module("errors")
    base = run.url("api.example.com")
    run.check("item", errors.fetch_item, 1)
    run.check("404 caught", errors.fetch_item, 2)
    run.check("503 caught", errors.fetch_item, 3)
    run.check("refused caught", errors.fetch_or_reason, _refused())
    run.check("reachable", errors.reachable, base + "/items/1")
    run.check("a 404 is a URLError too", errors.reachable, base + "/items/2")
    run.check("refused is a URLError", errors.reachable, _refused())
    run.check("the failed URL", errors.failed_url, base + "/items/3")
    listener, silent = _silent()
    with listener:
        run.check("a read that timed out", errors.fetch_quickly, silent)
    run.check("refused, not timed out", errors.fetch_quickly, _refused())
