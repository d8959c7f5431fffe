"""A session factory that logs in (it sends a request itself), and a plain one
whose session a sort key uses (a lambda cannot await): every session each makes
stays on requests, with the plan's reason, and the code behaves as before."""

PACKAGE = "shop"

ROUTES = {
    "POST api.example.com /login": (200, {"token": "t"}),
    "GET api.example.com /orders/1": (200, {"id": 1}),
    "GET api.example.com /orders/2": (200, {"id": 2}),
}


def drive(run):
    orders = run.module("shop.orders")
    run.check("one order", orders.order, 1)
    run.check("orders", orders.orders, [1, 2])
    run.check("sorted", orders.by_total, [2, 1])
    run.check("public order", orders.public_order, 2)
