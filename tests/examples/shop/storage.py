"""Local storage: sqlite3 stays sync, async callers offload to its thread."""
# checks: BRIDGE OFFLOAD SPOT REVIEW BOUNDARY

import sqlite3

DATABASE = "shop.sqlite3"


def connect():
    return sqlite3.connect(DATABASE)  # BLOCKING: sqlite3.connect


def remember(sku, page):
    conn = connect()
    conn.execute("INSERT INTO seen VALUES (?, ?)", (sku, str(page)))  # BLOCKING: sqlite3.Connection.execute
    conn.commit()  # BLOCKING: sqlite3.Connection.commit
