"""Responses handed to helpers (methods, functions of another module, by keyword,
through a helper that returns one): the helpers read them as requests' did."""

ROUTES = {
    "GET shop.example.com /items/1": (200, {"id": 1, "name": "lamp"}),
    "GET shop.example.com /items/2": (404, {"error": "no such item"}),
    "GET shop.example.com /items/3": (500, {"error": "down"}),
    # A 3xx that is no redirect: httpx's raise_for_status() raises, requests' does not.
    "GET shop.example.com /items/4": (304, None),
    "GET shop.example.com /stock/1": (200, {"count": 3}),
    "GET shop.example.com /stock/2": (410, {"error": "gone"}),
    "GET shop.example.com /prices/1": (200, {"price": 9.5}),
    "GET shop.example.com /prices/2": (503, {"error": "busy"}),
}


def drive(run):
    client = run.module("shop.client")
    base = run.url("shop.example.com")
    shop = client.Shop(base)
    for number in (1, 2, 3):
        run.check(f"item {number}", shop.item, number)
        run.check(f"status {number}", shop.status, number)
    run.check("item 4", shop.status, 4)
    for number in (1, 2):
        run.check(f"stock {number}", shop.stock, number)
        run.check(f"price {number}", shop.price, number)
        run.check(f"describe {number}", client.describe, f"{base}/stock/{number}")
