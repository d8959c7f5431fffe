"""Sessions set up with adapters, retries, pool sizes and attributes: the
client is made with the same configuration (transport, limits, auth, params)."""

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
    url = run.url("api.example.com") + "/flaky"
    run.check("status retried", lambda: run.call(catalog.session.get, url).status_code)


GAPS = {
    "status retried": "Retry(status_forcelist=) has no httpx twin: a TODO, no retry",
}
