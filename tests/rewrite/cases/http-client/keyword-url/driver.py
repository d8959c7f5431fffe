"""The method and the URL given by name (``request(method=..., url=...)``):
httpx takes the same names, so the call converts and is awaited."""

ROUTES = {
    "GET api.example.com /items": (200, {"items": [1, 2]}),
    "POST api.example.com /items": (201, {"created": True}),
}


def drive(run):
    client = run.module("client")
    url = run.url("api.example.com")
    api = client.Api(url)
    run.check("request by name", api.request, "GET", "/items")
    run.check("request by name, kwargs", api.request, "GET", "/items", params={"q": "x"})
    run.check("url by name", api.create, "/items", "ann")
    run.check("one-off, url by name", client.fetch, url + "/items")
