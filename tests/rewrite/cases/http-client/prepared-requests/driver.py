"""Requests built by hand and sent through the session (``prepare_request`` of a
``requests.Request``, then ``send``) become ``build_request`` and ``send`` on
the client: its headers merged in, the timeout given where it is built, the
prepared request's method, headers and URL read as before. One that reads the
body requests prepared stays on requests."""

ROUTES = {
    "GET records.example.com /records?name=tea": (200, [{"name": "tea"}]),
    "GET records.example.com /records?name=gone": (404, {"error": "missing"}),
    "POST records.example.com /records/query": (200, [{"name": "a long one"}]),
    "HEAD records.example.com /ping": (204, None),
    "GET records.example.com /records": (200, []),
    "POST records.example.com /sign": (200, {"signed": True}),
}


def drive(run):
    records = run.module("records")
    base = run.url("records.example.com")
    run.check("short query", lambda: records.Records(base).find("records", name="tea"))
    run.check("missing", lambda: records.Records(base).find("records", name="gone"))
    long = {"name": "a long one", "colour": "green", "size": "large", "shop": "north"}
    run.check("long query, posted", lambda: records.Records(base).find("records", **long))
    run.check("ping", lambda: records.Records(base).ping())
    run.check("check", lambda: records.Records(base).check())
    run.check("signed", lambda: records.Signer(base).post("/sign", {"a": "1"}))
