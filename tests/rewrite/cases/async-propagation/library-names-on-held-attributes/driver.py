"""Methods named like a dict's (``get``, ``update``) called on an object whose
type nothing shows (a public function's parameter, a client a test keeps in a
dict), through an attribute every class that sets it gives one Endpoint
(``client.products``): the calls are the Endpoint's and are awaited; the
session the endpoints reach through ``self.api.session``, typed by the flow
only, becomes a client per event loop."""


ROUTES = {
    "GET shop.example.com /api/products/1": (200, {"name": "pen", "price": 1}),
    "GET shop.example.com /api/products/2": (200, {"name": "ink", "price": 3}),
    "PATCH shop.example.com /api/products/1": (200, {"name": "pen", "price": 2}),
    "GET shop.example.com /api/orders/9": (404, {"error": "none"}),
}


def drive(run):
    report = run.module("shop.report")
    api = run.module("shop").Api
    url = "https://shop.example.com/api"
    run.check("describe", lambda: report.describe(api(url), 2))
    run.check("reprice", lambda: report.reprice(api(url), 1, 2))
    run.check("missing", lambda: api(url).orders.get(9))
