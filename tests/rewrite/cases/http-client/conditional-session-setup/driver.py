"""A session set up under conditions (``if retries: mount``, ``if not verify:
session.verify = False``, ``if token: headers``): the client's factory takes
them as arguments chosen by the same conditions."""

ROUTES = {
    "GET api.example.com /status": (200, {"ok": True}),
    "GET api.example.com /missing": (404, {"error": "missing"}),
}


def drive(run):
    client = run.module("client")
    run.check("with retries", client.fetch, "status")
    run.check("without retries", client.fetch, "status", retries=None)
    run.check("with a token", client.fetch, "status", token="t0k")
    run.check("not verified", client.fetch, "status", verify=False, retries=2)
    run.check("an error", client.fetch, "missing")
    status = run.module("status")
    run.check("a module's session", status.status, run.url("api.example.com"))
