"""Endpoints and helpers held as callable instances (``self.orders =
Endpoint(...)``, ``ping = Pinger()``): calling one runs its class's
``__call__``, not its constructor, wherever it is called (``self.rank(n)``,
``api.orders(7)`` in another module, ``client.ping(base)``), so what it
sends is bridged where ``__call__`` stays sync and awaited around it."""

ROUTES = {
    "GET shop.example.com /ping": (200, {"ok": True}),
    "GET shop.example.com /orders": (200, [{"customer": "ada"}, {"customer": "lin"}]),
    "GET shop.example.com /orders/7": (200, {"lines": [{"price": 3}, {"price": 4}]}),
    "GET shop.example.com /ranks/ada": (200, {"rank": 0}),
    "GET shop.example.com /ranks/lin": (200, {"rank": 5}),
}


def drive(run):
    report = run.module("shop.report")
    run.check("summary", report.summary, run.url("shop.example.com"))
