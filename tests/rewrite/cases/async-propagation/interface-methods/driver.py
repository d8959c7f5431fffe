"""Methods called through an interface: an abstract method (its body a
docstring) whose override is a generator that fetches, and a
``typing.Protocol`` method a class implements without deriving from it. The
abstract method stays a plain ``def`` giving an ``AsyncIterator``, its callers
through the base iterate it with ``async for``; the protocol's method, and
every implementation of it, becomes async, and calls through the protocol
await it."""

ROUTES = {
    "GET api.example.com /keys?prefix=": (200, ["a", "b"]),
    "GET api.example.com /keys?prefix=a": (200, ["a"]),
    "GET api.example.com /keys?prefix=z": (200, []),
    "GET api.example.com /items?page=1": (200, {"items": [1, 2]}),
}


def drive(run):
    backends = run.module("backends")
    base = run.url("api.example.com")
    run.check("exists", lambda: backends.HttpBackend(base).exists("a"))
    run.check("does not exist", lambda: backends.HttpBackend(base).exists("z"))
    run.check("count", lambda: backends.count(backends.HttpBackend(base)))
    run.check("through the protocol", backends.http_first_items, base)
    run.check("another implementation", backends.static_first_items)
    run.check("a method of the same name, no implementation", backends.report_page)
