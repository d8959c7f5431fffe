"""Per-item fetches over the items of a generator that becomes async (a
folder's files, page by page): a comprehension gathers them from a list of the
items (``*[info(f) async for f in files()]``, as ``*`` cannot unpack an async
generator); a loop, and a comprehension that pairs each item with its result,
stay in turn over ``async for``."""

ROUTES = {
    "GET store.example.com /api/root?page=1": (200, {"files": ["a", "b"], "more": True}),
    "GET store.example.com /api/root?page=2": (200, {"files": ["c"]}),
    "GET store.example.com /api/a": (200, {"size": 3}),
    "GET store.example.com /api/b": (200, {"size": 5}),
    "GET store.example.com /api/c": (200, {"size": 4}),
}


def drive(run):
    storage = run.module("storage")

    def made():
        return storage.Storage(run.url("store.example.com"))

    run.check("a loop adding up", lambda: storage.total_size(made()))
    run.check("a list comprehension", lambda: storage.sizes(made()))
    run.check("max over a generator expression", lambda: storage.largest(made()))
    run.check("a dict of item and result", lambda: storage.by_name(made()))
