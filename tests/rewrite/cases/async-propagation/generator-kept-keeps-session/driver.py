"""A generator that must stay sync (its object kept as a value, ``islice(...)``
held in a local) sends through a session other methods send through: the
session stays on requests, with every method using it, rather than handing
the generator an async client it would get coroutines from."""

ROUTES = {
    "GET api.example.com /p2": (200, {"items": [3], "next": None}),
    "GET api.example.com /users/7": (200, {"id": 7, "name": "Ada"}),
}


def drive(run):
    listing = run.module("listing")
    base = run.url("api.example.com")
    run.answer("GET api.example.com /p1", 200, {"items": [1, 2], "next": base + "/p2"})
    run.check("first two", listing.first_two, base)
    run.check("user", listing.user_name, base, 7)
