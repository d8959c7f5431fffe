"""A session made in a statement that sets other names too (``self.base,
self.session = base, requests.Session()``): typed all the same, so its calls
in code that becomes async are known to block and run in a thread (the
session stays on requests, with a review item), not on the event loop."""

ROUTES = {
    "GET api.example.com /health": (200, {"ok": True}),
    "GET api.example.com /items": (200, [1, 2]),
}


def drive(run):
    client = run.module("client")
    run.check("health and item", client.both, "/items")
