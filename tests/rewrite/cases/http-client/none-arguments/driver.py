"""Arguments given as None keep requests' meaning: a query parameter whose value
is None is left out (httpx sends it empty), ``auth=None`` on a session call
means the session's auth (httpx's means none), and verify=, cert=, proxies=,
stream=, hooks= of None are requests' defaults, not errors or TODOs."""

ROUTES = {
    "GET api.example.com /search": (200, {"results": []}),
    "GET api.example.com /me": (200, {"name": "svc"}),
}


def drive(run):
    client = run.module("client")
    run.check("dashboard", client.dashboard, "lamp")
    run.check("one search", client.search, "desk", None, "")
    run.check("kwargs", client.fetch, "/search", params={"q": "x", "page": None}, timeout=None)
