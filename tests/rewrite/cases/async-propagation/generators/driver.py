"""Paginating generators and their consumers: the same pages fetched, no more."""

ROUTES = {
    "GET api.example.com /p3": (200, {"items": [6], "next": None}),
    "GET api.example.com /broken": (500, {"error": "down"}),
    "GET shop.example.com /catalog/2": (200, {"entries": [{"name": "jam"}], "next": None}),
}


def drive(run):
    use = run.module("feed.use")
    pages = run.module("feed.pages")
    base = run.url("api.example.com")
    shop = run.url("shop.example.com")
    # A next link is a full URL: each page names the following one on loopback.
    run.answer("GET api.example.com /p1", 200, {"items": [1, 2], "next": base + "/p2"})
    run.answer("GET api.example.com /p2", 200, {"items": [3, 4, 5], "next": base + "/p3"})
    run.answer(
        "GET shop.example.com /catalog/1",
        200,
        {"entries": [{"name": "tea"}, {"name": "oat"}], "next": "/catalog/2"},
    )
    run.check("first one", use.first, base + "/p1", 1)
    run.check("first three", use.first, base + "/p1", 3)
    run.check("first ten", use.first, base + "/p1", 10)
    run.check("everything", use.everything, base + "/p1")
    run.check("distinct", use.distinct, base + "/p1")
    run.check("ranked", use.ranked, base + "/p1")
    run.check("first item", use.first_item, base + "/p2")
    run.check("first item or default", use.first_item_or, base + "/p3", 0)
    run.check("page count", use.page_count, base + "/p1")
    run.check("broken page", use.everything, base + "/broken")
    run.check("generator", pages.items, base + "/p2")
    run.check("catalog names", use.catalog_names, shop)
    run.check("first entry", use.first_entry, shop)
    run.check("first two, through a function returning the generator", use.first_two, base + "/p1")
    run.check("names, through a method returning the generator", use.all_names, shop)
    run.check("tenfold, the generator handed to a function", use.tenfold, base + "/p1")
