"""A client one of whose users must stay sync (``__bool__``): it stays on requests as a
whole, with the review naming why, rather than going async under a dunder that would
get coroutines."""

HOSTS = ("shelf",)
ROUTES = {
    "GET shelf /books/1": (200, {"title": "Dune"}),
    "GET shelf /books/2": (200, {"title": "Emma"}),
    "GET shelf /books/count": (200, {"count": 2}),
}


def drive(run):
    shelf = run.module("shelf")
    run.check("title", shelf.title, 1)
    run.check("has books", shelf.has_books)
    run.check("summary", shelf.summary, [1, 2])
