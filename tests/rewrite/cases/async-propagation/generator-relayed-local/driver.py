"""A listing's generator handed back through a local (``found =
self._paginate(...)``; ``return found``), taken once by a local rebound to
its first item (``item = next(item)``), held in a local a lambda's own
parameter shadows, and taken whole by ``deque``: it becomes an async
generator and each consumer takes the items it took, fetching the pages it
did, no more. Were it left sync, iterating it from the async code around it
would reach the async ``_get`` through ``async_to_sync`` on a running loop."""

ROUTES = {
    "GET api.example.com /p2": (200, {"items": [3, 4], "next": None}),
    "GET api.example.com /total": (200, {"count": 4}),
}


def drive(run):
    listing = run.module("listing")
    base = run.url("api.example.com")
    run.answer("GET api.example.com /p1", 200, {"items": [1, 2], "next": base + "/p2"})
    run.check("first item, one page", listing.first_item, base)
    run.check("kept ones", listing.count_kept, base)
    run.check("last two", listing.last_two, base)
    run.check("summary", listing.summary, base)
