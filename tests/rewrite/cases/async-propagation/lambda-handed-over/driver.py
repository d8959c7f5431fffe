"""A lambda handed to a helper that calls it (``with_retries(lambda:
fetch(url))``): the lambda returns fetch's coroutine once fetch is async, the
helper awaits what it calls, and the lambda stays as written."""

import socket

ROUTES = {
    "GET api.example.com /users/1": (200, {"name": "ada"}),
    "GET api.example.com /users/2": (200, {"name": "bob"}),
    "GET api.example.com /users/9": (404, {"error": "no such user"}),
}


def drive(run):
    jobs = run.module("jobs")
    base = run.url("api.example.com")
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        nowhere = f"http://127.0.0.1:{closed.getsockname()[1]}"
    run.check("load", jobs.load, f"{base}/users/1")
    run.check("load, missing", jobs.load, f"{base}/users/9")
    run.check("load, unreachable, retried", jobs.load, nowhere)
    run.check("twice", jobs.load_twice, f"{base}/users/1", f"{base}/users/2")
    run.check("labelled", jobs.labelled, f"{base}/users/2")
