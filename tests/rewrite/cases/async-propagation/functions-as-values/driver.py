"""Request functions and client methods passed as values keep working (they stay blocking)."""

ROUTES = {
    "GET api.example.com /users/1": (200, {"name": "ann"}),
    "GET api.example.com /status": (200, {"ok": True}),
    "DELETE api.example.com /users/1": (204, None),
    "GET api.example.com /missing": (404, {"error": "missing"}),
}


def drive(run):
    base = run.url("api.example.com")
    calls = run.module("api.calls")
    client = run.module("api.client")
    run.check("retry_call", calls.get_json, base + "/users/1")
    run.check("dict of verbs", calls.call, "delete", base + "/users/1")
    run.check("partial", calls.short, base + "/status")
    run.check("direct", calls.direct, base + "/users/1")
    run.check("direct, missing", calls.direct, base + "/missing")
    run.check("method as value", client.Client(base).user, 1)
    run.check("same client, direct", client.Client(base).status)
    run.check("getattr", client.verb_status, base, "get")
