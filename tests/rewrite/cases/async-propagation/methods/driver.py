"""Methods that call each other become async together."""

ROUTES = {
    "GET api.example.com /stock/a": (200, {"count": 2}),
    "GET api.example.com /stock/b": (200, {"count": 0}),
}


def drive(run):
    inventory = run.module("service").Inventory(run.url("api.example.com"))
    run.check("stock", inventory.stock, "a")
    run.check("in stock", inventory.in_stock, "a")
    run.check("sold out", inventory.in_stock, "b")
    run.check("unknown", inventory.in_stock, "zzz")
