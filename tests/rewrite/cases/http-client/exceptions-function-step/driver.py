"""One function of a module moves (``--select client.fetch``), the other keeps
requests: the moved one's except clauses catch httpx's errors too, and the
kept one's still catch requests'."""

import socket

ROUTES = {
    "GET api.example.com /ok": (200, {"ok": True}),
    "GET api.example.com /page": (200, b"<html></html>"),
    "HEAD api.example.com /ok": (200, None),
}


def drive(run):
    client = run.module("client")
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    refused = f"http://127.0.0.1:{probe.getsockname()[1]}/"
    probe.close()
    base = run.url("api.example.com")
    run.check("ok", client.fetch, base + "/ok")
    run.check("not JSON", client.fetch, base + "/page")
    run.check("refused", client.fetch, refused)
    run.check("ping", client.ping, base + "/ok")
    run.check("ping refused", client.ping, refused)
