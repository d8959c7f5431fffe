"""sqlite3 and file reads next to a fetch: kept behind thread-sensitive bridges."""

import os

ROUTES = {
    "GET api.example.com /item": (200, {"name": "lamp"}),
    "GET api.example.com /prices/lamp": (200, {"price": 12.5}),
    "GET api.example.com /prices/desk": (200, {"price": 80.0}),
}


def drive(run):
    os.chdir(run.root)
    (run.root / "header.txt").write_text("# items\n")
    store = run.module("store")
    store.DB.execute("create table items (payload text)")
    run.check("sync item", store.sync_item, run.url("api.example.com") + "/item")
    run.check("saved", lambda: store.DB.execute("select payload from items").fetchall())
    # Each price is stored before the next is looked up: one request per symbol.
    prices = store.CachedPrices(run.url("api.example.com"))
    run.check("prices cached", prices.prices, ["lamp", "lamp", "desk", "lamp"])
