"""An auth signing the method and ``request.path_url`` (the path and query,
as sent): httpx has it as ``request.url.raw_path``, so the auth becomes an
httpx.Auth reading that, and the session it is given moves to httpx with its
calls. The signature the upstream was sent is what each call returns, so the
two versions are compared on it. Before, ``path_url`` kept the auth, its
session and every call on requests."""

ROUTES = {
    "GET api.example.com /orders": (200, [{"id": 1}]),
    "GET api.example.com /orders/a%20b": (200, {"id": 2}),
    "POST api.example.com /orders": (201, {"id": 3}),
}


def drive(run):
    client = run.module("client")
    run.check("list", client.signature_of, "k", "GET", "/orders", {"page": "2", "q": "x y"})
    run.check("quoted path", client.signature_of, "k", "GET", "/orders/a%20b", None)
    run.check("post", client.signature_of, "k", "POST", "/orders", None)
