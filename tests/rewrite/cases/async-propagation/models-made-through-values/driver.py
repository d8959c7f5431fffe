"""Models made through values the package keeps: a class an endpoint looks up
by name at run time (``getattr(sys.modules[__name__], ...)``, falling back to
``Model``) and calls through an attribute (``self.model(values, self.client,
self)``), and one picked from a registry (``KINDS.get(kind, Model)(line,
self.client)``). No call names the class, but each call of an unnamed value
whose arguments fit a model's constructor is one of its call sites: every one
hands it the Client, so ``self.client.session`` in the models is the client's
session, and the requests sent through it are awaited."""

ROUTES = {
    "GET shop.example.com /orders/3": (200, {"id": 3}),
    "GET shop.example.com /orders/3/lines": (
        200,
        [{"id": 7, "kind": "product"}, {"id": 8, "kind": "note"}, {"id": 9, "kind": "product"}],
    ),
    "GET shop.example.com /products/7": (200, {"id": 7, "price": 5}),
    "GET shop.example.com /products/9": (200, {"id": 9, "price": 11}),
    "GET shop.example.com /users/1": (200, {"id": 1, "name": "Ann"}),
    "GET shop.example.com /users/2": (404, {"error": "none"}),
}


def drive(run):
    shop = run.module("shop")
    run.check("total", shop.order_total, 3)
    run.check("user", shop.user_name, 1)
    run.check("missing", shop.user_name, 2)
