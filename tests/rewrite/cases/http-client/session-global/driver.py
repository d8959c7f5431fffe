"""A module-level session with headers, basic auth and its own CA, over real TLS."""

TLS = ("api.example.com",)
CA_BUNDLE = "ca.pem"
ROUTES = {
    "GET api.example.com /items/1": (200, {"id": 1, "name": "first"}),
    "GET api.example.com /items/404": (404, {"error": "not found"}),
    "POST api.example.com /items": (201, {"id": 2}),
    "DELETE api.example.com /items/1": (204, None),
    "DELETE api.example.com /items/404": (404, {"error": "not found"}),
}
# httpx 0.28 deprecates a CA path: the rule should write
# verify=ssl.create_default_context(cafile="ca.pem").
WARNS = {"`verify=<str>` is deprecated": "session.verify = 'ca.pem' is carried as verify='ca.pem'"}


def drive(run):
    api = run.module("api")
    run.check("fetch", api.fetch, "/items/1")
    run.check("fetch, missing", api.fetch, "/items/404")
    run.check("create", api.create, "/items", {"name": "second"})
    run.check("delete", api.delete, "/items/1")
    run.check("delete, missing", api.delete, "/items/404")
    run.check("fetch again", api.fetch, "/items/1")
