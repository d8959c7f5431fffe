"""Locals that hold a client made in other forms than ``c = Client(...)``:
unpacked from a tuple, picked by a conditional expression, items of a dict a
comprehension made (read by key, by ``.values()`` or ``.items()``, the first
of its values by ``next(iter(clients.values()), None)``), bound
with ``:=``, a module global a factory of the module makes, and a property
returning the client another (cached) property makes. Each is known
to be a Client: its ``get()`` is awaited and its ``close()`` becomes
``aclose()``, where they used to stay plain calls (coroutines never awaited)."""

ROUTES = {
    "GET a.example.com /status": (200, {"state": "up"}),
    "GET b.example.com /status": (200, {"state": "degraded"}),
    "GET c.example.com /status": (503, {"error": "down"}),
}


def drive(run):
    checks = run.module("checks")
    a, b, c = (run.url(f"{name}.example.com") for name in "abc")
    run.check("both", checks.both, a, b)
    run.check("both, one down", checks.both, c, a)
    run.check("either", checks.either, "", b)
    run.check("by base", checks.by_base, [a, b])
    run.check("states", checks.states, [a, b])
    run.check("states, one down", checks.states, [a, c])
    run.check("first", checks.first_state, [b, a])
    run.check("first, down", checks.first_state, [c, a])
    run.check("if made", checks.if_made, b)
    run.check("shared", checks.shared)
    run.check("mirror state", checks.mirror_state, b)
