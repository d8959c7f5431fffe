"""A property with a setter or a deleter stays sync, and its getter is still
seen: what it calls that became async is bridged, and the generator it
iterates stays sync (with a review) rather than being iterated un-awaited."""

ROUTES = {
    "GET api.example.com /items?page=1": (
        200,
        {"items": [{"name": "lamp"}, {"name": "desk"}], "next": 2},
    ),
    "GET api.example.com /items?page=2": (200, {"items": [{"name": "chair"}]}),
    "GET api.example.com /count": (200, {"count": 3}),
}


def drive(run):
    catalog = run.module("catalog")
    base = run.url("api.example.com")

    def limited():
        shelf = catalog.Catalog(base)
        shelf.items = 2
        return shelf.items

    def cleared():
        shelf = catalog.Catalog(base)
        shelf.items = 1
        del shelf.size
        return shelf.items

    run.check("items", lambda: catalog.Catalog(base).items)
    run.check("limited", limited)
    run.check("size", lambda: catalog.Catalog(base).size)
    run.check("cleared", cleared)
    # Stops after the first page: the second is never asked for.
    run.check("first", catalog.Catalog(base).first)
