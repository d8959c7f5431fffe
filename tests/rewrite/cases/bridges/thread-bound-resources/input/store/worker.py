import sqlite3
import threading
from concurrent.futures import ThreadPoolExecutor

import requests


def fetch_name(base, item_id):
    return requests.get(f"{base}/items/{item_id}", timeout=5).json()["name"]


def record(db: sqlite3.Connection, base, item_id):
    name = fetch_name(base, item_id)
    db.execute("insert into seen values (?)", (name,))
    return name


def run_worker(base, ids):
    """A legacy thread with its own connection, calling code that becomes async."""
    out = []

    def work():
        db = sqlite3.connect(":memory:")
        db.execute("create table seen (name text)")
        for item_id in ids:
            out.append(record(db, base, item_id))
        out.append(db.execute("select count(*) from seen").fetchone()[0])

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    return out


def names_in_pool(base, ids):
    with ThreadPoolExecutor(max_workers=2) as pool:
        first = pool.submit(fetch_name, base, ids[0])
        rest = [fetch_name(base, item_id) for item_id in ids[1:]]
        return [first.result(), *rest]
