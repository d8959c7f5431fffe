"""sqlite3 connections used on the thread that opened them; legacy threads keep working."""

ROUTES = {
    "GET api.example.com /items/1": (200, {"name": "tea"}),
    "GET api.example.com /items/2": (200, {"name": "jam"}),
    "GET api.example.com /items/3": (500, {"error": "down"}),
}


def drive(run):
    base = run.url("api.example.com")
    cache = run.module("store.cache")
    worker = run.module("store.worker")
    run.check("sync pair", cache.sync_pair, base, 1, 2)
    run.check("sync pair, one failing", cache.sync_pair, base, 1, 3)
    store = cache.Store(base)
    run.check("store made here, used by async code", store.sync_item, 2)
    run.check("worker thread", worker.run_worker, base, [1, 2])
    run.check("thread pool", worker.names_in_pool, base, [1, 2])
