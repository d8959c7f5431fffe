"""Fan-outs whose call arguments fail for one item (an order with no
``sku``): the sequential loop fetched the items before it, then raised. The
gather makes the calls as it takes them from its generator: the same
requests go out, the same exception comes back, and no call made before the
failing one is left never awaited (an error under ``-W error``)."""

ROUTES = {
    "GET shop.example.com /items/1": (200, {"name": "pen", "price": 2, "stock": 5}),
    "GET shop.example.com /items/2": (200, {"name": "ink", "price": 3, "stock": 0}),
    "GET shop.example.com /items/3": (200, {"name": "pad", "price": 4, "stock": 7}),
    "GET shop.example.com /items/9": (404, {"error": "gone"}),
}


def drive(run):
    orders = run.module("orders")
    good = [{"sku": 1, "qty": 2}, {"sku": 2, "qty": 1}, {"sku": 3, "qty": 4}]
    broken = [{"sku": 1, "qty": 2}, {"sku": 2, "qty": 1}, {"qty": 3}, {"sku": 3, "qty": 1}]
    for name in ("item_names", "prices", "stock", "totals"):
        run.check(name, getattr(orders, name), good)
        run.check(f"{name}, an order with no sku", getattr(orders, name), broken)
    run.check("stock, one gone", orders.stock, [{"sku": 9}, *good])
    run.check("totals, a sku that is no number", orders.totals, [*good, {"sku": "x"}])
    run.check("item names, a gone one first", orders.item_names, [{"sku": 9}, *broken])
