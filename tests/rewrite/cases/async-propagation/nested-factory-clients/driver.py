"""Clients a nested function makes (``def make(base): return
Client(base)``, as a fixture's factory does), held in a local, listed by a
comprehension, or walked with ``zip()``/``enumerate()``: each local is known to
hold a Client, so its ``get()`` is awaited and its ``close()`` becomes
``aclose()``, where they used to stay plain calls (coroutines never awaited,
an AttributeError on ``close``)."""

ROUTES = {
    "GET a.example.com /version": (200, {"version": "1.2"}),
    "GET b.example.com /version": (200, {"version": "1.3"}),
    "GET c.example.com /version": (503, {"error": "down"}),
}


def drive(run):
    mirrors = run.module("mirrors")
    a, b, c = (run.url(f"{name}.example.com") for name in "abc")
    run.check("compare", mirrors.compare, [a, b], "/version")
    run.check("compare, one down", mirrors.compare, [a, c, b], "/version")
    run.check("first of", mirrors.first_of, [b, a], "/version")
    run.check("first of, down", mirrors.first_of, [c], "/version")
    run.check("indexed", mirrors.indexed, [a, b], "/version")
