"""A decorator's wrapper that sleeps between tries: async with the function it
wraps when that one becomes async, sync (its sleep too) around one that stays
sync, so callers of neither get a coroutine they do not await."""

import socket

ROUTES = {"GET api.example.com /price": (200, {"price": 5})}


def _refused():
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    return f"http://127.0.0.1:{port}/price"


def drive(run):
    retrying = run.module("retrying")
    run.check("price", retrying.price, run.url("api.example.com") + "/price")
    run.check("price retried then refused", retrying.price, _refused())
    run.check("parse", retrying.parse, "42")
    run.check("parse fails twice", retrying.parse, "x")
    run.check("name kept", lambda: retrying.price.__name__)
