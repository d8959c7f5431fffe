"""Code already async: unchanged, and it still runs."""

ROUTES = {
    "GET api.example.com /a": (200, {"a": 1}),
    "GET api.example.com /b": (200, {"b": 2}),
}


def drive(run):
    client = run.module("client")
    base = run.url("api.example.com")
    run.check("both", client.fetch_both, base + "/a", base + "/b")
