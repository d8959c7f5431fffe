"""A generator expression held in a local: taken lazily by a loop or next()
(the items after the one that decides were never fetched, and still are
not), or read whole by what consumes it (its fetches run together)."""

ROUTES = {
    "GET api.example.com /items/1": (200, {"name": "tea", "size": 4}),
    "GET api.example.com /items/2": (200, {"name": "jam", "size": 12}),
    "GET api.example.com /items/3": (200, {"name": "oat", "size": 30}),
    "GET api.example.com /items/4": (500, {"error": "down"}),
}


def drive(run):
    items = run.module("items")
    base = run.url("api.example.com")
    run.check("first big, stops at the second", items.first_big, base, [1, 2, 3, 4])
    run.check("first big, none", items.first_big, base, [1])
    run.check("first name", items.first_name, base, [3, 4])
    run.check("first name, none", items.first_name, base, [])
    run.check("total size", items.total_size, base, [1, 2, 3])
    run.check("total size, one failing", items.total_size, base, [1, 4])
    run.check("names joined", items.names_joined, base, [3, 1, 2])
