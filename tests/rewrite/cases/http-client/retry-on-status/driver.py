"""urllib3's Retry on responses (status_forcelist, allowed_methods,
raise_on_status) carried by the RetryTransport helper: the same requests are
retried as often, a GET whose retries run out still ends in the code's
``except RetryError``, a POST is answered at once, and a lenient session still
gives the last answer."""

ROUTES = {
    "GET shop.example.com /orders/1": [(503, {"busy": True}), (200, {"id": 1})],
    "GET shop.example.com /orders/2": (502, {"busy": True}),
    "GET shop.example.com /orders/3": (404, {"error": "missing"}),
    "POST shop.example.com /orders": (503, {"busy": True}),
    "GET shop.example.com /stock/lamp": (502, {"busy": True}),
}


def drive(run):
    base = run.url("shop.example.com")
    orders = run.module("orders")
    shop = orders.Orders(base)
    run.check("retried until it answers", lambda: run.call(shop.get, 1))
    run.check("retries run out", lambda: run.call(shop.get, 2))
    run.check("not a status it retries", lambda: run.call(shop.get, 3))
    run.check("a POST is not retried", lambda: run.call(shop.place, {"sku": "lamp"}))
    run.check("the last answer kept", lambda: run.call(orders.stock, base, "lamp"))
