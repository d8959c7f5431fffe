"""Clients kept in a module's own dict, filled by its functions
(``_clients[base] = Client(base)`` in an accessor, ``MIRRORS[name] =
Client(base)``): an item read back (``MIRRORS[name]``, ``.values()``), or what
the accessor returns (``return _clients[base]``), is a Client, so its ``get()``
is awaited and its ``close()`` becomes ``aclose()``; they stayed plain calls
(coroutines never awaited)."""

ROUTES = {
    "GET a.example.com /status": (200, {"state": "up"}),
    "GET b.example.com /status": (200, {"state": "degraded"}),
}


def drive(run):
    registry = run.module("registry")
    a, b = run.url("a.example.com"), run.url("b.example.com")

    def mirrors():
        registry.add_mirror("one", a)
        registry.add_mirror("two", b)
        return run.call(registry.mirror_state, "two"), run.call(registry.mirror_states)

    def states():
        try:
            return run.call(registry.state, a), run.call(registry.state, b)
        finally:
            run.call(registry.close_all)

    run.check("states", states)
    run.check("mirrors", mirrors)
