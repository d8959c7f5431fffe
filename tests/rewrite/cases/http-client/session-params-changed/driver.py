"""A session's query parameters changed in place (``params.update``, item
assignment): an AsyncClient's are immutable, so the session's params are set
to a new dict holding the change, sent as requests sent them (a None left out).
"""

ROUTES = {
    "GET api.example.com /items?page=1&token=t": (200, {"page": 1}),
    "GET api.example.com /items?page=2&token=t": (200, {"page": 2}),
    "GET api.example.com /items?page=1&size=5&token=t": (200, {"page": 1, "size": 5}),
    "GET api.example.com /search?lang=en&q=cats": (200, {"found": 3}),
}


def drive(run):
    api = run.module("api")
    run.check("pages, size None left out", api.items, "t", [1, 2])
    run.check("sized", api.sized, "t", 5)
    run.check("search", api.search, "cats")


WARNS = {"unclosed": "the legacy code never closes its sessions"}
