"""A descriptor sending through the client of the instance it is read on
(``instance.session.get(...)`` in ``__get__``, which Python calls on a read and
which cannot await): ``instance`` is one of the classes holding it, so that
client has a sync user and stays on requests with the methods using it; the
plan says why, and the code runs as before."""

ROUTES = {
    "GET shop.example.com /status": (200, {"value": "open"}),
    "GET shop.example.com /motto": (200, {"value": "fresh daily"}),
    "GET shop.example.com /products/a1": (200, {"name": "apple"}),
    "GET shop.example.com /products/b2": (200, {"name": "bread"}),
}


def drive(run):
    client = run.module("catalog.client")
    run.check("overview", client.overview, run.url("shop.example.com"), ["a1", "b2"])
