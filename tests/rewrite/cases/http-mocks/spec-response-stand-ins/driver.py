"""Tests whose patches of requests.Session answer with mocks made to requests'
Response's spec (``Mock(spec=requests.Response)``, ``create_autospec``): the
code reads httpx's names now (``is_error``), so the stand-ins take httpx's
spec; their tests pass before and after, and only the unpatched one is served."""

ROUTES = {
    "GET shop.example.com /items/c3": (200, {"sku": "c3"}),
}
