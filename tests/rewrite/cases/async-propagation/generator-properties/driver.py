"""Properties that fetch page by page (``yield``), and one handing back another
generator (``return self._names()``): each stays a property giving an async
generator, and readers take its items with ``async for``, an async
comprehension or ``anext``. Laziness is kept: a reader that stops after the
first page asks for no second one."""

ROUTES = {
    "GET api.example.com /items?page=1": (
        200,
        {"items": [{"name": "tea"}, {"name": "jam"}], "next": "/items?page=2"},
    ),
    "GET api.example.com /items?page=2": (200, {"items": [{"name": "oil"}], "next": None}),
}


def drive(run):
    listing = run.module("listing")
    catalog = listing.Catalog(run.url("api.example.com"))
    run.check("first two", listing.first_two, catalog)
    run.check("all names", listing.all_names, catalog)
    run.check("first", listing.first, catalog)
    run.check("sorted names", listing.sorted_names, catalog)
