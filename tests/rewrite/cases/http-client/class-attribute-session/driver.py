"""A session made in a class body (shared by the instances) and used by methods
that become async: a per-loop client made by a static factory beside it."""

ROUTES = {
    "GET api.example.com /items/1": (200, {"id": 1}),
    "GET api.example.com /items/2": (200, {"id": 2}),
}


def drive(run):
    api = run.module("api")
    client = api.Api()
    client.base = run.url("api.example.com")
    run.check("one", client.item, 1)
    run.check("two", client.items, [1, 2])
    run.check("another instance", lambda: api.Api.session is client.session)
