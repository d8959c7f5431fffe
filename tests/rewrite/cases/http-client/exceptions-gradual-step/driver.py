"""One step of a gradual migration: except clauses catch both libraries' classes."""

import socket

import requests

ROUTES = {
    "GET api.example.com /ok": (200, {"ok": True}),
    "HEAD api.example.com /ok": (200, None),
    "GET api.example.com /page": (200, b"<html></html>"),
}


def drive(run):
    client = run.module("client")
    job = run.module("legacy_job")
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    refused = f"http://127.0.0.1:{probe.getsockname()[1]}/"
    probe.close()
    ok = run.url("api.example.com") + "/ok"
    run.check("ok", client.fetch, ok)
    run.check("not JSON", client.listing, run.url("api.example.com") + "/page")
    run.check("refused", client.fetch, refused)
    run.check("ping", job.ping, ok)
    run.check("ping refused", job.ping, refused)

    run.check("no host in the URL", client.fetch, "http://")

    def requests_error_is_a_network_problem(url):
        try:
            requests.get(url, timeout=2)
        except requests.RequestException as exc:
            return client.is_network_problem(exc)
        return None

    run.check("a requests error still counts", requests_error_is_a_network_problem, refused)


GAPS = {
    "no host in the URL": "requests' InvalidURL is a ValueError, caught by"
    " `except (..., ValueError)`; httpx's UnsupportedProtocol is not",
}
