"""Calls on objects no type reaches (an override giving what a subclass was handed
as **fields, an untyped parameter) are taken for the project's only methods of
their name, which become async: awaited, with the callers that now await; a
test's fake of that name becomes async with them."""

ROUTES = {
    "GET shop.example.com /items/tea": (200, {"title": "Green tea"}),
    "GET shop.example.com /items/cake": (200, {"title": "Lemon cake"}),
    "GET shop.example.com /prices/tea": (200, {"price": 3}),
    "GET shop.example.com /prices/cake": (200, {"price": 5}),
    "GET shop.example.com /items/none": (404, {"error": "missing"}),
}


def drive(run):
    base = run.url("shop.example.com")
    models = run.module("shop.models")
    run.check("item title through root()", lambda: models.Shop(base).item("tea").title())
    run.check("untyped parameter", models.price, models.Requester(base), "cake")
    run.check("both, for two names", models.priced_titles, base, ["tea", "cake"])
    run.check("missing item", lambda: models.Shop(base).item("none").title())
