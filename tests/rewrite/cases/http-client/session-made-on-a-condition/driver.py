"""A session made on a condition (``requests.Session() if pooled else None``):
typed by the branch that makes one, it becomes a client per event loop on that
branch (``AsyncClientPerLoop(_new_session) if pooled else None``), and both
the pooled and the one-off paths await their requests."""

ROUTES = {
    "GET api.example.com /items": (200, [1, 2]),
}


def drive(run):
    client = run.module("client")
    run.check("alone and pooled", client.fetch_both, "/items")
