"""requests' exception classes a module imports for others to take from it:
the library's modules catch them by that module's names (``from .errors
import HTTPError``, ``errors.ConnectionError``), and so does code outside it."""

import socket

ROUTES = {
    "GET api.example.com /ok": (200, {"ok": True}),
    "GET api.example.com /missing": (404, {"error": "no such thing"}),
}


def drive(run):
    client = run.module("lib.client")
    checks = run.module("lib.checks")
    errors = run.module("lib.errors")
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    refused = f"http://127.0.0.1:{probe.getsockname()[1]}/"
    probe.close()
    base = run.url("api.example.com")

    def caught_outside(url):
        # Code outside the library, catching what the library lets through.
        try:
            return run.call(client.fetch, url)
        except errors.ConnectionError:
            return "connection error"
        except errors.HTTPError as exc:
            return f"status error {exc}"

    run.check("ok", client.fetch, base + "/ok")
    run.check("missing", client.fetch, base + "/missing")
    run.check("refused", client.fetch, refused)
    run.check("reachable", checks.reachable, base + "/ok")
    run.check("reachable, missing", checks.reachable, base + "/missing")
    run.check("unreachable", checks.reachable, refused)
    run.check("caught outside", caught_outside, refused)
