"""A class whose instances decorate (``@Retry(3)``, ``__call__`` returning the
wrapper): the wrapper awaits the function it wraps once that becomes async,
so a retried call still gives its result, and still tries three times."""

ROUTES = {
    "GET status.example.com /status/api": (200, {"state": "up"}),
    "GET status.example.com /status/db": (503, {"state": "down"}),
}


def drive(run):
    status = run.module("status")
    run.check("up", status.state_of, "api")
    run.check("down after three tries", status.state_of, "db")
