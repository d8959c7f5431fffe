"""One item taken from a paginating generator (``next(iter(g()), None)``,
``next(g())``): the first page only, as before; a generator holding a session
across its yields is closed as soon as the item is taken, as the sync one was
when dropped."""

ROUTES = {
    "GET api.example.com /p2": (200, {"items": [3], "next": None}),
    "GET api.example.com /empty": (200, {"items": [], "next": None}),
}


def drive(run):
    pages = run.module("pages")
    base = run.url("api.example.com")
    run.answer("GET api.example.com /p1", 200, {"items": [1, 2], "next": base + "/p2"})
    run.check("first item", pages.first_item, base + "/p1")
    run.check("first item of none", pages.first_item, base + "/empty")
    run.check("first held, closed at once", pages.first_held, base + "/p1")
    run.check("first of each", pages.first_of_each, base + "/p1", base + "/empty")
    # Every generator taken from was closed (its finally ran) by the time its
    # statement was done.
    run.check("all finished", pages.finished_count)
