import sqlite3

import requests


class CachedPrices:
    """Prices fetched once and kept in an sqlite3 database."""

    def __init__(self, base, path=":memory:"):
        self.base = base
        self.conn = sqlite3.connect(path)
        self.conn.execute("CREATE TABLE IF NOT EXISTS prices (symbol TEXT PRIMARY KEY, price REAL)")

    def _cached(self, symbol):
        row = self.conn.execute("SELECT price FROM prices WHERE symbol = ?", (symbol,)).fetchone()
        return row[0] if row else None

    def price(self, symbol):
        cached = self._cached(symbol)
        if cached is None:
            response = requests.get(f"{self.base}/prices/{symbol}", timeout=5)
            response.raise_for_status()
            cached = response.json()["price"]
            self.conn.execute("INSERT INTO prices VALUES (?, ?)", (symbol, cached))
        return cached

    def close(self):
        self.conn.close()
