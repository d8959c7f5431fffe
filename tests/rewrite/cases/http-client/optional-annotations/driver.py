"""Sessions and responses typed only by Optional/Union annotations."""

ROUTES = {
    "GET shop.example.com /items/1": (200, {"sku": 1, "price": 5}),
    "GET shop.example.com /items/3": (302, {}, {"Location": "/items/1"}),
}


def drive(run):
    catalog = run.module("catalog")
    base = run.url("shop.example.com")
    run.check("item and price", catalog.item_and_price, base, 1)
    run.check("redirected", catalog.item_and_price, base, 3)
    run.check("missing", catalog.item_and_price, base, 2)
