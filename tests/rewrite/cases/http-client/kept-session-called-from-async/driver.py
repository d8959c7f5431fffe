"""A sync method whose requests stay on requests (its session may be the caller's),
called by code that becomes async: it runs on a worker thread through
``sync_to_async``, so its requests do not block the event loop."""

ROUTES = {
    "GET api.example.com /stock": (200, {"tea": 3}),
    "GET api.example.com /orders": (200, [{"id": 1}]),
}


def drive(run):
    shop = run.module("shop")
    run.check("summary", lambda: shop.Shop().summary())
