import sqlite3

import httpx

from ._async_helpers import TLS_CONTEXT


class Store:
    """An sqlite3 connection opened by the thread that makes the store."""

    def __init__(self, base):
        self.base = base
        self.db = sqlite3.connect(":memory:")
        self.db.execute("create table items (id integer primary key, name text)")

    async def sync_item(self, item_id):
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            response = await http_client.get(f"{self.base}/items/{item_id}", timeout=5)
        if response.is_error:
            response.raise_for_status()
        self.db.execute(
            "insert or replace into items values (?, ?)", (item_id, response.json()["name"])
        )
        self.db.commit()
        return self.count()

    def count(self):
        return self.db.execute("select count(*) from items").fetchone()[0]


async def sync_pair(base, first, second):
    store = Store(base)
    if await store.sync_item(first) == 1:
        await store.sync_item(second)
    return store.count()
