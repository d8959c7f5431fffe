"""Sessions set up with adapters, retries, pool sizes and attributes: the
client is made with the same configuration (transport, limits, auth, params)."""

import socket

ROUTES = {
    "GET api.example.com /status": (200, {"ok": True}),
    "GET shop.example.com /items/lamp": (200, {"sku": "lamp"}),
    "GET shop.example.com /prices/lamp": (200, {"price": 12}),
    "GET shop.example.com /stock/lamp": (200, {"stock": 3}),
    "GET api.example.com /flaky": [(503, {"busy": True}), (200, {"ok": True})],
}


def drive(run):
    catalog = run.module("catalog")
    run.check("status", catalog.status)
    run.check("item", catalog.item, "lamp")
    run.check("missing item", catalog.item, "chair")
    run.check("stock", catalog.stock, "lamp")
    run.check("stock counted", catalog.count, "lamp")
    run.check("quote", catalog.quote, "lamp")
    # Retries counted from the constructor's ``retries``, not the Retry bound to it.
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        nowhere = f"http://127.0.0.1:{closed.getsockname()[1]}"
    run.check("quote unreachable", catalog.Quotes(nowhere).quote, "lamp")
    vendored = run.module("vendored")
    run.check("vendored", lambda: run.call(vendored.Ping(run.url("api.example.com")).status))
    url = run.url("api.example.com") + "/flaky"
    run.check("status retried", lambda: run.call(catalog.session.get, url).status_code)

