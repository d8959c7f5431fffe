import sqlite3
import threading
from concurrent.futures import ThreadPoolExecutor

import httpx
from asgiref.sync import async_to_sync, sync_to_async

from ._async_helpers import TLS_CONTEXT, gather_in_order, gather_outcomes

connect = sync_to_async(sqlite3.connect)


async def fetch_name(base, item_id):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (await http_client.get(f"{base}/items/{item_id}", timeout=5)).json()[
            "name"
        ]


async def record(db: sqlite3.Connection, base, item_id):
    name = await fetch_name(base, item_id)
    await sync_to_async(db.execute)("insert into seen values (?)", (name,))
    return name


def run_worker(base, ids):
    """A legacy thread with its own connection, calling code that becomes async."""
    out = []

    async def work():
        db = await connect(":memory:")
        await sync_to_async(db.execute)("create table seen (name text)")
        outcomes = await gather_outcomes(
            (record(db, base, item_id) for item_id in ids), limit=10
        )
        for outcome in outcomes:
            out.append(outcome.result())
        out.append(
            (
                await sync_to_async(
                    lambda: db.execute("select count(*) from seen").fetchone()
                )()
            )[0]
        )

    worker = threading.Thread(target=async_to_sync(work))
    worker.start()
    worker.join()
    return out


async def names_in_pool(base, ids):
    with ThreadPoolExecutor(max_workers=2) as pool:
        first = pool.submit(async_to_sync(fetch_name), base, ids[0])
        rest = await gather_in_order(
            (fetch_name(base, item_id) for item_id in ids[1:]), limit=10
        )
        return [first.result(), *rest]
