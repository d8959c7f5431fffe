"""A listing's generator held in a local and taken item by item (``items =
client.iter_items()``, then ``next(items)``, ``list(items)``, a loop over the
rest): ``await anext(items)`` and async comprehensions, the local holding the
async generator; each take fetches the pages it did, no more."""

ROUTES = {
    "GET api.example.com /p2": (200, {"items": [3], "next": None}),
    "GET api.example.com /empty": (200, {"items": [], "next": None}),
}


def drive(run):
    listing = run.module("listing")
    base = run.url("api.example.com")
    run.answer("GET api.example.com /p1", 200, {"items": [1, 2], "next": base + "/p2"})
    run.check("first two, one page", listing.first_two, base)
    run.check("head and rest", listing.head_and_rest, base)
    run.check("after first", listing.after_first, base)
    run.check("first of an empty listing", listing.first_or_none, base, "/empty")
    run.check("first of a listing", listing.first_or_none, base, "/p2")
