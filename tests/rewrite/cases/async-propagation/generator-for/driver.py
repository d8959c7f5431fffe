"""A paginating generator and its consumers."""

ROUTES = {
    "GET api.example.com /p1": (200, {"items": [1, 2], "next": "/p2"}),
    "GET api.example.com /p2": (200, {"items": [3], "next": None}),
}


def drive(run):
    pages = run.module("pages")
    base = run.url("api.example.com")
    # A next link is a full URL: the first page names the second on loopback.
    run.answer("GET api.example.com /p1", 200, {"items": [1, 2], "next": base + "/p2"})
    run.check("count", pages.count_items, base + "/p1")
    run.check("all", pages.all_items, base + "/p1")
    run.check("pages", pages.pages, base + "/p1")
