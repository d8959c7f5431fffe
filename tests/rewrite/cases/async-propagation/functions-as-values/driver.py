"""Functions handed to a function that calls them: converted at both ends where every
value it is given becomes async; a sync function among them keeps the receiver sync
(the async one reaches it through a bridge); values flowing elsewhere stay blocking."""

ROUTES = {
    "GET api.example.com /users/1": (200, {"name": "ann", "friend": 2}),
    "GET api.example.com /users/2": (200, {"name": "bob", "friend": 1}),
    "GET api.example.com /status": (200, {"ok": True}),
    "DELETE api.example.com /users/1": (204, None),
    "GET api.example.com /missing": (404, {"error": "missing"}),
}


def drive(run):
    base = run.url("api.example.com")
    calls = run.module("api.calls")
    verbs = run.module("api.verbs")
    client = run.module("api.client")
    run.check("request function handed over", calls.get_json, base + "/users/1")
    run.check("project function handed over", calls.user_with_retries, base, 2)
    run.check("project function handed over, missing", calls.user_with_retries, base, 9)
    run.check("partial handed over", calls.user_by_partial, base, 1)
    run.check("callback keyword", calls.friend, base, 1)
    run.check("function by default", calls.names_seen, base, [1, 2])
    run.check("given async and sync functions", calls.names, [1, 2])
    run.check("the sync one", calls.shouted, ["a", "b"])
    run.check("dict of verbs", verbs.call, "delete", base + "/users/1")
    run.check("partial", verbs.short, base + "/status")
    run.check("requests' function looked up by getattr", verbs.looked_up, "get", base + "/status")
    run.check("client method handed over", client.Client(base).user, 1)
    run.check("same client, direct", client.Client(base).status)
    run.check("getattr", client.verb_status, base, "get")
    run.check("getattr, its body read", client.verb_json, base, "get", "/users/2")
