"""Clients kept in containers: an attribute filled with them (a list or dict
comprehension in ``__init__``, ``self.spares.append(Client(url))`` in a
method), read by a loop, by index or key, by ``.values()``, in the class and
in a subclass; a list literal looped over; ``clients.get(url)`` of a local
dict of clients, also through ``sorted(clients.items())``; a list
``extend``-ed with them; an attribute made through a class attribute holding
the class (``self.client_class(base)``). Each item is known to be a
Client: its ``get()`` is awaited and its ``close()`` becomes ``aclose()``,
where they used to stay plain calls (coroutines never awaited)."""

ROUTES = {
    "GET a.example.com /status": (200, {"state": "up"}),
    "GET b.example.com /status": (200, {"state": "degraded"}),
    "GET c.example.com /status": (503, {"error": "down"}),
}


def drive(run):
    pool = run.module("pool")
    a, b, c = (run.url(f"{name}.example.com") for name in "abc")
    run.check("pool states", pool.pool_states, [a, b])
    run.check("pool states, one down", pool.pool_states, [a, c])
    run.check("spares", pool.spares, [b, a])
    run.check("sorted states", pool.sorted_states, [a, b])
    run.check("pair", pool.pair, a, b)
    run.check("picked", pool.picked, [a, b], b)
    run.check("extended", pool.extended, [b, a])
    run.check("slotted state", pool.slotted_state, b)
    run.check("sorted by url", pool.sorted_states, [b, a])
