import sqlite3

import httpx

from ._async_helpers import TLS_CONTEXT


class CachedPrices:
    """Prices fetched once and kept in an sqlite3 database."""

    def __init__(self, base, path=":memory:"):
        self.base = base
        self.conn = sqlite3.connect(path)
        self.conn.execute("CREATE TABLE IF NOT EXISTS prices (symbol TEXT PRIMARY KEY, price REAL)")

    def _cached(self, symbol):
        row = self.conn.execute("SELECT price FROM prices WHERE symbol = ?", (symbol,)).fetchone()
        return row[0] if row else None

    async def price(self, symbol):
        cached = self._cached(symbol)
        if cached is None:
            async with httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            ) as http_client:
                response = await http_client.get(
                    f"{self.base}/prices/{symbol}", timeout=5
                )
            if response.is_error:
                response.raise_for_status()
            cached = response.json()["price"]
            self.conn.execute("INSERT INTO prices VALUES (?, ?)", (symbol, cached))
        return cached

    def close(self):
        self.conn.close()
