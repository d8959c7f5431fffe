"""Methods and properties called on the items of what a class iterates (its
``__iter__`` yields ``Product(...)``) or a method returns (``return
[Product(self, d) for d in data]``): the items are typed, so ``product.stock``
(a cached property, now an async method) and ``product.price()`` are awaited."""

ROUTES = {
    "GET shop.example.com /categories/tools": (200, [{"id": 1}, {"id": 2}]),
    "GET shop.example.com /products/1/stock": (200, {"available": 4}),
    "GET shop.example.com /products/2/stock": (200, {"available": 0}),
    "GET shop.example.com /products/1/price": (200, {"amount": 3}),
    "GET shop.example.com /products/2/price": (200, {"amount": 5}),
}


def drive(run):
    shop = run.module("shop")

    def made():
        return shop.Shop(run.url("shop.example.com"))

    run.check("out of stock", lambda: run.call(shop.out_of_stock, made(), "tools"))
    run.check("total price", lambda: run.call(shop.total_price, made(), "tools"))
