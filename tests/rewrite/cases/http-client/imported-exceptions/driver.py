"""Exception classes imported by name from requests.exceptions."""

import socket

ROUTES = {"GET api.example.com /ok": (200, {"ok": True})}


def drive(run):
    client = run.module("client")
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    refused = f"http://127.0.0.1:{probe.getsockname()[1]}/"
    probe.close()
    run.check("ok", client.fetch, run.url("api.example.com") + "/ok")
    run.check("refused", client.fetch, refused)
