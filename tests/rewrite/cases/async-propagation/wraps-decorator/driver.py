"""A functools.wraps decorator around a function that becomes async."""

ROUTES = {
    "GET api.example.com /a": (200, {"a": 1}),
    "GET api.example.com /b": (200, {"b": 2}),
}


def drive(run):
    deco = run.module("deco")
    base = run.url("api.example.com")
    run.check("one", deco.fetch, base + "/a")
    run.check("all", deco.fetch_all, [base + "/a", base + "/b"])
    run.check("name kept", lambda: deco.fetch.__name__)
