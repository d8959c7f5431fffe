"""sqlite3 and file reads next to a fetch: kept behind thread-sensitive bridges."""

import os

ROUTES = {"GET api.example.com /item": (200, {"name": "lamp"})}


def drive(run):
    os.chdir(run.root)
    (run.root / "header.txt").write_text("# items\n")
    store = run.module("store")
    store.DB.execute("create table items (payload text)")
    run.check("sync item", store.sync_item, run.url("api.example.com") + "/item")
    run.check("saved", lambda: store.DB.execute("select payload from items").fetchall())
