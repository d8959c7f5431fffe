"""Requests through a class's session all passing the same ``verify=``, read from
an attribute only ``__init__`` sets: the client made for the session takes it
(httpx has no per-request ``verify``), over real TLS with a CA no one trusts."""

TLS = ("api.example.com",)
ROUTES = {
    "GET api.example.com /items/1": (200, {"id": 1, "name": "first"}),
    "GET api.example.com /items/404": (404, {"error": "not found"}),
    "POST api.example.com /items": (201, {"id": 2}),
    "GET api.example.com /status": (200, {"ok": True}),
}


def drive(run):
    api = run.module("api")
    base = run.url("api.example.com")
    run.check("not verified", api.fetch, base, 1, verify_ssl=False)
    run.check("not verified, missing", api.fetch, base, 404, verify_ssl=False)
    run.check("create, not verified", api.create, base, {"name": "second"}, verify_ssl=False)
    run.check("verified: the CA is not trusted", api.fetch, base, 1)
    run.check("status, strict: the CA is not trusted", api.status, base, True)
