"""Parameters that callers may give None (``items(None, ...)``, or a caller's
own parameter defaulting to None handed on): requests leaves a None out of
``params=`` and a None header out of the request, httpx would send ``sort=``
or fail; their dicts go through the helpers that leave None out, as the
function's own defaults of None do."""

ROUTES = {
    "GET api.example.com /items?limit=10": (200, [{"name": "tea"}]),
    "GET api.example.com /items?sort=name&limit=10": (200, [{"name": "jam"}]),
}


def drive(run):
    catalog = run.module("catalog")
    base = run.url("api.example.com")
    run.check("unsorted", catalog.unsorted, base)
    run.check("listing, defaults", catalog.listing, base)
    run.check("listing, sorted", catalog.listing, base, "name", "acme")
