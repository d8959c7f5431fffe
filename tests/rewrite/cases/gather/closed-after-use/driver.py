"""A client closed right after its last request (``r = s.get(u)`` then
``s.close()``, or a project method that closes it): the close is not a fetch
to run beside the request. Gathered, it closed the pool under the request in
flight."""

ROUTES = {
    "GET api.example.com /items/1": (200, {"id": 1}),
}


def drive(run):
    base = run.url("api.example.com")
    status = run.module("status")
    run.check("a local session, closed after its request", status.status, base)
    run.check("a client closed through its own method", status.first_item, base)
