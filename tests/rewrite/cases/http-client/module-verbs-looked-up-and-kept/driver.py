"""requests' functions looked up by name (``getattr(requests, method)``) and kept
in a local called after it: the client made for them stays open through the
statements calling the local, in one block (a lookup in a branch, called after
it, takes the whole ``if`` in)."""

ROUTES = {
    "GET api.example.com /items": (200, [{"name": "lamp"}]),
    "DELETE api.example.com /items": (404, {"error": "gone"}),
    "GET api.example.com /a": (200, {"a": 1}),
    "GET api.example.com /b": (200, {"b": 2}),
    "HEAD api.example.com /a": (200, {}),
}


def drive(run):
    api = run.module("api")
    run.check("items", api.items)
    run.check("missing", api.call, "DELETE", "/items")
    run.check("each", api.fetch_each, "get", ["/a", "/b"])
    log = []
    run.check("logged get", api.status_logged, "GET", "/a", log)
    run.check("logged head", api.status_logged, "HEAD", "/a", log)
    run.check("log", lambda: log)
    run.check("pair", api.fetch_pair, "get", "/a", "/b")
    run.check("both", api.fetch_both, "get", "/b", "/a")
