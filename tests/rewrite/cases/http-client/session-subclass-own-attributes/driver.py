"""A requests.Session subclass keeping its API root as ``self.base_url``, which an
httpx.AsyncClient has as a URL it merges into every request: the attribute takes
a name of the class's own (``api_base_url``) wherever the class family uses it,
and the class converts."""

ROUTES = {
    "GET shop.example.com /v2/items/1": (200, {"name": "tea"}),
    "GET shop.example.com /v2/items/2": (200, {"name": "jam"}),
}


def drive(run):
    session = run.module("catalog.session")
    base = run.url("shop.example.com") + "/v2/"
    run.check("names", lambda: session.Shop(base).names([1, 2]))
    run.check("root", lambda: session.Shop(base).root())
