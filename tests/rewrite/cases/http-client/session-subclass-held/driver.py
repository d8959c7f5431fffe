"""A requests.Session subclass held by a long-lived object (a module-level client).

The instance attribute becomes one client per event loop, each made by the
subclass as before (its headers and the lines that configure it carried into
the factory): every check runs on a new loop, as every Flask request does.
"""

ROUTES = {
    "GET api.example.com /items/1": (200, {"id": 1}),
    "GET api.example.com /items/2": (404, {"error": "missing"}),
}


def drive(run):
    api = run.module("api")
    run.check("item", api.item, 1)
    run.check("item again, on another loop", api.item, 1)
    run.check("missing item", api.item, 2)
