"""A session a factory makes, kept in a module global and in a local: it stays on
requests (the plan says why) and the code behaves as before."""

PACKAGE = "shop"

ROUTES = {
    "GET api.example.com /orders/1": (200, {"id": 1}),
    "GET api.example.com /orders/2": (200, {"id": 2}),
}


def drive(run):
    orders = run.module("shop.orders")
    run.check("one order", orders.order, 1)
    run.check("orders", orders.orders, [1, 2])
