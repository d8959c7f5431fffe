"""except clauses and isinstance checks on requests' exception classes."""

import socket

ROUTES = {
    "GET api.example.com /ok": (200, {"ok": True}),
    "GET api.example.com /broken": (500, {"error": "internal"}),
}


def _refused():
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    return f"http://127.0.0.1:{port}/"


def drive(run):
    errors = run.module("errors")
    base = run.url("api.example.com")
    refused = _refused()
    run.check("ok", errors.fetch, base + "/ok")
    run.check("500 with JSON", errors.fetch, base + "/broken")
    run.check("the failed response's status", errors.failure, base + "/broken")
    run.check("a response that did not fail", errors.failure, base + "/ok")
    run.check("refused", errors.fetch, refused)
    run.check("refused, quietly", errors.fetch_quietly, refused)

    def network_problem(url):
        try:
            run.call(errors.fetch_quietly, url)
        except Exception as exc:
            return errors.is_network_problem(exc)
        return None

    run.check("is a network problem", network_problem, refused)
