"""A second run reads the bridges the first one wrote as the calls they were.

``self.store.put(sym, price)`` changes ``self.store``, so a loop of calls that
make it stays in order (each lookup sees the price stored before it). When a
plugin entry point enters the code through ``async_to_sync``, the first run
bridges the sqlite call as ``await sync_to_async(self.store.put)(...)``; the
second must see the same change there, and not gather the loop (which would
fetch a symbol once per duplicate, past the cache).
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from tests.rewrite.harness import python_files

FETCHER = """
    import sqlite3

    import requests


    class Store:
        def __init__(self):
            self.conn = sqlite3.connect(":memory:", check_same_thread=False)
            self.conn.execute("create table p (sym text primary key, price real)")

        def get(self, sym):
            row = self.conn.execute("select price from p where sym = ?", (sym,)).fetchone()
            return row[0] if row else None

        def put(self, sym, price):
            self.conn.execute("insert or replace into p values (?, ?)", (sym, price))


    class CachedPrices:
        def __init__(self, base_url):
            self.base_url = base_url
            self.store = Store()

        def price(self, sym):
            cached = self.store.get(sym)
            if cached is None:
                cached = requests.get(f"{self.base_url}/{sym}", timeout=5).json()["price"]
                self.store.put(sym, cached)
            return cached

        def prices(self, syms):
            return {s: self.price(s) for s in syms}
"""

CLI = """
    import sys

    from .fetcher import CachedPrices


    def main():
        base, *syms = sys.argv[1:]
        for sym in syms:
            print(sym, CachedPrices(base).price(sym))
"""


def _apply(root: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "migrate", "apply", str(root), "--force"],
        check=True,
        capture_output=True,
    )


def test_a_bridged_change_keeps_its_loop_in_order_on_the_second_run(tmp_path: Path) -> None:
    package = tmp_path / "pc"
    package.mkdir()
    (package / "__init__.py").touch()
    (package / "fetcher.py").write_text(textwrap.dedent(FETCHER))
    (package / "cli.py").write_text(textwrap.dedent(CLI))
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "pc"\nversion = "0"\n\n'
        '[project.entry-points."pc.tools"]\nprices = "pc.cli:main"\n'
    )
    _apply(tmp_path)
    first = python_files(tmp_path)
    fetcher = first["pc/fetcher.py"].decode()
    assert "await sync_to_async(self.store.put" in fetcher
    assert "return {s: await self.price(s) for s in syms}" in fetcher
    _apply(tmp_path)
    assert python_files(tmp_path) == first
