"""A method that fetches, handed as the key of ``sorted`` in a method that stays
sync (``largest``), which async code calls (``report``): the key is bridged
with ``async_to_sync`` inside ``largest``, so ``report`` calls ``largest``
through ``sync_to_async(..., thread_sensitive=False)``, on a worker thread
where ``async_to_sync`` can run, instead of directly on the event loop (where
it raises). Each file is still fetched once (``info`` is memoised)."""

ROUTES = {
    "GET files.example.com /api/storage/a.txt": (200, {"size": 7}),
    "GET files.example.com /api/storage/b.jar": (200, {"size": 30}),
    "GET files.example.com /api/storage/c.md": (200, {"size": 2}),
}


def drive(run):
    storage = run.module("storage")
    base = run.url("files.example.com")
    paths = ["a.txt", "b.jar", "c.md"]
    run.check("report", lambda: run.call(storage.report, storage.Storage(base), paths))
