"""Responses kept by the errors a client raises (``raise ServerError(msg,
response)``, whose base keeps ``self.response`` and reads its ``.reason`` and
``.ok``): the errors' own methods read httpx's response as requests' was read."""

PACKAGE = ""

ROUTES = {
    "GET shop.example.com /products/1": (200, {"name": "lamp"}),
    "GET shop.example.com /products/2": (404, {"error": "missing"}),
    "GET shop.example.com /products/3": (503, "down for maintenance"),
}


def _failure(run, api, errors, key):
    try:
        return run.call(api.product, key)
    except errors.APIError as exc:
        return type(exc).__name__, str(exc), exc.retryable


def drive(run):
    api = run.module("shop.api")
    errors = run.module("shop.errors")
    run.check("found", _failure, run, api, errors, 1)
    run.check("not found", _failure, run, api, errors, 2)
    run.check("server error", _failure, run, api, errors, 3)
