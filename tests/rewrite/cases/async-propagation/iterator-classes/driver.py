"""Iterator classes whose __next__ fetches a page at a time: async iterators after."""

ROUTES = {
    "GET wiki.example.com /api/pages?limit=2&offset=0": (
        200,
        {"items": [{"title": "A"}, {"title": "B"}], "more": True},
    ),
    "GET wiki.example.com /api/pages?limit=2&offset=2": (200, {"items": [{"title": "C"}]}),
    "GET wiki.example.com /api/empty?limit=2&offset=0": (200, {"items": []}),
    "GET wiki.example.com /api/gone?limit=2&offset=0": (200, {"error": "gone"}),
}


def drive(run):
    api = run.module("wiki.api")
    run.check("every title, page by page", api.all_titles)
    run.check("two items, one page", api.first_two)
    run.check("first title", api.first_title, "pages")
    run.check("first of an empty listing", api.first_title, "empty")
    run.check("a listing ended by its loader", api.first_title, "gone")
    run.check("stop early", api.count_until, "B")
    run.check("stop on the second page", api.count_until, "C")
    run.answer("GET wiki.example.com /api/pages?limit=2&offset=2", 500, {"error": "down"})
    run.check("second page fails", api.all_titles)
