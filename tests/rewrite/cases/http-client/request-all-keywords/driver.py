"""``requests.request(**kwargs)`` and ``session.request(**kwargs)``, where the
method and the URL come in the keywords too: carried to httpx's ``request``,
the keywords taken as httpx takes them (``allow_redirects``, a tuple timeout)."""

ROUTES = {
    "GET shop.example.com /items/1": (200, {"id": 1, "name": "lamp"}),
    "GET shop.example.com /items/2": (404, {"error": "no such item"}),
    "GET shop.example.com /old/1": (301, None, {"Location": "/items/1"}),
    "POST shop.example.com /orders": (201, {"order": 7}),
}


def drive(run):
    shop = run.module("shop.client").Shop(run.url("shop.example.com"))
    run.check("an item", shop.item, 1)
    run.check("a missing item", shop.item, 2)
    run.check("not followed", shop.moved, 1)
    run.check("an order", shop.order, 1, 2)
