"""A session set up around the instance's other attributes: its auth set under a
condition first (which makes the loop's client then), a header read from an
attribute set after that. The header stays where it was set, after the
attribute, rather than moving into the client factory, which would read the
attribute before it exists. A method called on a ``copy()`` of an object is
that object's method: it is awaited, and its caller becomes async."""

ROUTES = {
    "GET reports.example.com /sales": (200, {"total": 12}),
    "GET reports.example.com /costs": (200, {"total": 5}),
    "GET reports.example.com /missing": (404, {"error": "missing"}),
}


def drive(run):
    reports = run.module("reports")
    base = run.url("reports.example.com")
    run.check("signed in", lambda: run.call(reports.ReportsAPI(base, "ada", "pw").fetch, "/sales"))
    run.check("anonymous, own page size", lambda: run.call(reports.ReportsAPI(base).fetch, "/costs", 3))
    run.check("missing", lambda: run.call(reports.ReportsAPI(base).fetch, "/missing"))
    run.check("totals", reports.totals, base, ["/sales", "/costs"])
