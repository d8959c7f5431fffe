"""A property that stays sync (read on objects of unknown type in a lambda) reads
a paginating generator that became async: its items are collected, not awaited."""

ROUTES = {
    "GET api.example.com /books?shelf=1": (
        200,
        {"items": [{"title": "Emma"}, {"title": "Persuasion"}], "next": "2"},
    ),
    "GET api.example.com /books?from=2&shelf=1": (200, {"items": [{"title": "Sanditon"}]}),
}


def drive(run):
    shelf = run.module("shelf")
    base = run.url("api.example.com")
    run.check("titles", lambda: shelf.Shelf(base).titles)
    run.check("sorted", lambda: [len(s.titles) for s in shelf.by_size([shelf.Shelf(base)])])
    # Stops after the first page: the second is never asked for.
    run.check("first title", shelf.Shelf(base).first_title)
    run.check("opening", lambda: shelf.Reader(base).opening)
    run.check("openings", shelf.openings, [shelf.Reader(base)])
