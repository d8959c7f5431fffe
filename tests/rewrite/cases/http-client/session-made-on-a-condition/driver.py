"""A session made on a condition (``requests.Session() if pooled else None``):
typed all the same, so its calls in code that becomes async are known to block
and run in a thread (the session stays on requests, with a review item, as one
the migration cannot make), not on the event loop."""

ROUTES = {
    "GET api.example.com /items": (200, [1, 2]),
}


def drive(run):
    client = run.module("client")
    run.check("alone and pooled", client.fetch_both, "/items")
