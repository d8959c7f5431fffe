"""A method giving a listing (an async iterator after) or a list, by a keyword:
loops over what it gives take either; an isinstance check types it."""

ROUTES = {
    "GET wiki.example.com /api/pages?limit=2&offset=0": (
        200,
        {"items": [{"title": "A"}, {"title": "B"}], "more": True},
    ),
    "GET wiki.example.com /api/pages?limit=2&offset=2": (200, {"items": [{"title": "C"}]}),
    "GET wiki.example.com /api/empty?limit=2&offset=0": (200, {"items": []}),
}


def drive(run):
    api = run.module("wiki.api")
    run.check("titles of a listing", api.all_titles)
    run.check("stop at a match on the first page", api.find_title, "A")
    run.check("no match", api.find_title, "Z")
    run.check("a listing taken whole", api.everything, True)
    run.check("a list taken whole", api.everything, False)
    run.check("first item", api.first_item, "pages")
    run.check("first of an empty listing", api.first_item, "empty")
    run.check("count a listing", api.count, True)
    run.check("count a list", api.count, False)
    run.check("titles after an isinstance check", api.checked_titles)
    run.answer("GET wiki.example.com /api/pages?limit=2&offset=2", 500, {"error": "down"})
    run.check("second page fails", api.all_titles)
