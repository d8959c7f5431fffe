"""A descriptor reading through the instance it is read on (``shop.status``
runs ``Remote.__get__(descriptor, shop, Shop)``, which calls ``shop.fetch``):
``instance`` is one of the classes holding the descriptor, so the method it
calls is known; it becomes async, and ``__get__``, which Python calls on a
read, waits for it (``block_on``) rather than handing back a coroutine."""

ROUTES = {
    "GET shop.example.com /status": (200, {"value": "open"}),
    "GET shop.example.com /motto": (200, {"value": "fresh daily"}),
    "GET shop.example.com /products/a1": (200, {"name": "apple"}),
    "GET shop.example.com /products/b2": (200, {"name": "bread"}),
}


def drive(run):
    client = run.module("catalog.client")
    run.check("overview", client.overview, run.url("shop.example.com"), ["a1", "b2"])
