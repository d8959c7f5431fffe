"""One step of a gradual migration under Flask: the app's handler registered for
requests' HTTPError is registered for httpx's HTTPStatusError as well, since
the module left for a later step still raises requests' (a 502 stays a 502)."""

ROUTES = {
    "POST auth.example.com /introspect": (200, {"active": True}),
    "GET catalog.example.com /products/1": (200, {"id": 1}),
    "GET catalog.example.com /products/99": (404, {"error": "nope"}),
}


def drive(run):
    shop = run.module("shop")
    app = shop.create_app(
        {"AUTH_URL": run.url("auth.example.com"), "CATALOG_URL": run.url("catalog.example.com")}
    )
    client = app.test_client()

    def get(path):
        response = client.get(path)
        return response.status_code, response.get_json()

    run.check("product", get, "/products/1")
    run.check("missing product", get, "/products/99")
    run.answer("POST auth.example.com /introspect", 500, {"error": "down"})
    run.check("auth down", get, "/products/1")
