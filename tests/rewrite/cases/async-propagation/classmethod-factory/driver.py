"""A ``@classmethod`` making its instance with ``cls(...)``: what it returns is
known to be one of its class, so methods called on its result, now async, are
awaited (``Category.fetch(cid).path()``), also through another classmethod."""

ROUTES = {
    "GET catalog.example.com /categories/1": (200, {"id": 1, "name": "All", "parent": None}),
    "GET catalog.example.com /categories/2": (200, {"id": 2, "name": "Books", "parent": 1}),
    "GET catalog.example.com /categories/3": (200, {"id": 3, "name": "Poetry", "parent": 2}),
    "GET catalog.example.com /categories/9": (404, {"error": "missing"}),
}


def drive(run):
    catalog = run.module("catalog")
    run.check("breadcrumb", catalog.breadcrumb, 3)
    run.check("breadcrumb of the root", catalog.breadcrumb, 1)
    run.check("through another classmethod", catalog.root_path)
    run.check("missing", catalog.breadcrumb, 9)
