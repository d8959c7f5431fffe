"""A module-level sync_to_async alias of an earlier step goes once its target is async."""

ROUTES = {
    "GET api.example.com /a": (200, {"items": [1, 2]}),
    "GET api.example.com /b": (200, {"items": [3]}),
}


def drive(run):
    views = run.module("views")
    a, b = (run.url("api.example.com") + p for p in ("/a", "/b"))
    run.check("items", views.items, a)
    run.check("both", views.both, a, b)
    run.check("missing", views.items, a + "x")
