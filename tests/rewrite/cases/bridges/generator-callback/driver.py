"""A test helper handed a generator function and a plain function that both
became async (``check(nodes.iteritems)``, ``check(nodes.items)``) and stays
sync: the plain one goes through ``async_to_sync``, the generator through the
helpers module's ``collecting``, which gives its items collected on one event
loop (``async_to_sync`` cannot run an async generator)."""

ROUTES = {
    "GET x.example.com /nodes": (200, [{"name": "a"}, {"name": "b"}]),
}
