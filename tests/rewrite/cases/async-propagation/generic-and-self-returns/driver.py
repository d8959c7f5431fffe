"""Return types written as a generic class (``-> Query[dict]``) and as
``Self`` (a copy of the instance): what the call gives is known, so reading
an item of it (``[0]``), whose ``__getitem__`` fetches and becomes async, is
awaited, also straight off the call (``Products(base).all()[1]``)."""

ROUTES = {
    "GET api.example.com /products?sort=price": (
        200,
        [{"name": "tea", "price": 2}, {"name": "jam", "price": 3}],
    ),
    "GET api.example.com /products?sort=id": (
        200,
        [{"name": "jam", "price": 3}, {"name": "tea", "price": 2}],
    ),
}


def drive(run):
    products = run.module("shop.products")
    base = run.url("api.example.com")
    run.check("the cheapest", products.cheapest, base)
    run.check("the second, by id", products.second, base)
