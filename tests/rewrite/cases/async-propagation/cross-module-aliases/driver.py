"""Calls across modules through aliases, a generator and a module attribute."""

ROUTES = {
    "GET prices.example.com /a": (200, {"price": 3}),
    "GET prices.example.com /b": (200, {"price": 4}),
}


def drive(run):
    cart = run.module("shop.cart")
    report = run.module("shop.report")
    run.check("total", cart.total, ["a", "b"])
    run.check("first", cart.first_price, ["b", "a"])
    run.check("report", report.report, ["a", "b"])
    run.check("unknown sku", cart.total, ["a", "zzz"])
