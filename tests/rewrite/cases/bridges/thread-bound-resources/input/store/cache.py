import sqlite3

import requests


class Store:
    """An sqlite3 connection opened by the thread that makes the store."""

    def __init__(self, base):
        self.base = base
        self.db = sqlite3.connect(":memory:")
        self.db.execute("create table items (id integer primary key, name text)")

    def sync_item(self, item_id):
        response = requests.get(f"{self.base}/items/{item_id}", timeout=5)
        response.raise_for_status()
        self.db.execute(
            "insert or replace into items values (?, ?)", (item_id, response.json()["name"])
        )
        self.db.commit()
        return self.count()

    def count(self):
        return self.db.execute("select count(*) from items").fetchone()[0]


def sync_pair(base, first, second):
    store = Store(base)
    if store.sync_item(first) == 1:
        store.sync_item(second)
    return store.count()
