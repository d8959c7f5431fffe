"""A session handed to a class through an untyped parameter, and used there."""

ROUTES = {
    "GET api.example.com /api/status/": (200, {"netbox-version": "4.1"}),
    "GET api.example.com /plugins/status/": (200, {"plugins": []}),
}


def drive(run):
    base = run.url("api.example.com")
    status = run.module("netapi.status")
    run.check("status", status.status, base)
    run.check("two requests through one session", status.both, base)
    run.answer("GET api.example.com /api/status/", 503, {"error": "down"})
    run.check("status, upstream down", status.status, base)
