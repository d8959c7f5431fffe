import sqlite3

import httpx
from asgiref.sync import sync_to_async

from _async_helpers import TLS_CONTEXT

DB = sqlite3.connect(":memory:", check_same_thread=False)


def save(payload):
    DB.execute("insert into items values (?)", (payload,))


def read_template(path):
    with open(path) as handle:
        return handle.read()


read_template_async = sync_to_async(read_template, thread_sensitive=False)


async def sync_item(url):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        payload = (await http_client.get(url, timeout=5)).text
    save(payload)
    header = await read_template_async("header.txt")
    return header + payload


class Prices:
    def __init__(self, base_url):
        self.base_url = base_url
        self.conn = sqlite3.connect(":memory:", check_same_thread=False)
        self.conn.execute("create table prices (sym text primary key, price real)")

    def cached(self, sym):
        row = self.conn.execute("select price from prices where sym = ?", (sym,)).fetchone()
        return row[0] if row else None

    def put(self, sym, price):
        self.conn.execute("insert or replace into prices values (?, ?)", (sym, price))


class CachedPrices:
    def __init__(self, base_url):
        self.store = Prices(base_url)

    async def price(self, sym):
        price = self.store.cached(sym)
        if price is None:
            url = f"{self.store.base_url}/prices/{sym}"
            async with httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            ) as http_client:
                price = (await http_client.get(url, timeout=5)).json()["price"]
            self.store.put(sym, price)
        return price

    async def prices(self, syms):
        return {sym: await self.price(sym) for sym in syms}
