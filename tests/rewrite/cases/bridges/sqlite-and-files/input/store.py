import sqlite3

import requests

DB = sqlite3.connect(":memory:", check_same_thread=False)


def save(payload):
    DB.execute("insert into items values (?)", (payload,))


def read_template(path):
    with open(path) as handle:
        return handle.read()


def sync_item(url):
    payload = requests.get(url, timeout=5).text
    save(payload)
    header = read_template("header.txt")
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

    def price(self, sym):
        price = self.store.cached(sym)
        if price is None:
            url = f"{self.store.base_url}/prices/{sym}"
            price = requests.get(url, timeout=5).json()["price"]
            self.store.put(sym, price)
        return price

    def prices(self, syms):
        return {sym: self.price(sym) for sym in syms}
