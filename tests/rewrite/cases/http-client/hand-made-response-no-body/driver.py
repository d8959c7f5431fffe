"""A test's hand-made requests.Response whose body it sets on some paths only:
requests' has none until then (``.content`` is None: ``len()`` of it raises a
TypeError the client catches), httpx's an empty one. The migrated helper sets
``_content = None`` after making httpx's, so the error the test expects (content
None) is the same; the case's own tests run before and after too."""

ROUTES = {
    "GET api.example.com /items/1": (200, {"id": 1}),
    "GET api.example.com /items/2": (500, b""),
}


def drive(run):
    client = run.module("client")
    api = run.call(client.Client)
    run.check("item", api.request, "GET", "/items/1")
    run.check("empty error", api.request, "GET", "/items/2")
    run.check("no json", api.details, "/items/2")
