"""Classes closing their clients: close(), with blocks, a subclass's __exit__."""

ROUTES = {
    "GET shop.example.com /products/1": (200, {"name": "tea", "price": 3}),
    "GET shop.example.com /products/2": (200, {"name": "jam", "price": 5}),
    "GET shop.example.com /stock/1": (200, {"level": 12}),
}


def drive(run):
    base = run.url("shop.example.com")
    reports = run.module("shop.reports")
    client = run.module("shop.client")
    run.check("names", reports.names, base, [1, 2])
    run.check("names, one missing", reports.names, base, [1, 3])
    run.check("price", reports.price_or_close, base, 2)
    run.check("price, missing", reports.price_or_close, base, 3)
    run.check("audited", reports.audited, base, 1)
    run.check("audited, missing", reports.audited, base, 4)
    run.check("shutdown", reports.shutdown, client.ShopClient(base))
    run.check("stock", reports.stock, base, 1)
    run.check("first product", reports.first_product, base)
