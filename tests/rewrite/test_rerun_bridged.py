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


CLIENT = """
    import requests


    class Client:
        def __init__(self, base):
            self.base = base
            self.session = requests.Session()

        def user(self, login):
            return self.session.get(f"{self.base}/users/{login}").json()
"""

ACCESSOR = """
    from flask import current_app, g

    from .client import Client


    def get_client():
        if "api" not in g:
            g.api = Client(current_app.config["API"])
        return g.api
"""

SERVICE = """
    import functools

    import requests

    from .clients import get_client


    @functools.lru_cache(maxsize=256)
    def profile(login):
        return get_client().user(login)


    def profiles(logins):
        return [profile(login) for login in logins]


    def cards(logins):
        out = []
        for login in logins:
            try:
                out.append(profile(login))
            except requests.HTTPError:
                pass
        return out
"""


def test_a_second_run_reads_what_async_code_calls_as_the_first_did(tmp_path: Path) -> None:
    """Each ``profile`` sets ``g.api`` through ``get_client``, so the first run keeps
    the profiles in order. On the second, the module of ``get_client`` names
    nothing that becomes async, yet what it changes still decides the loop."""
    package = tmp_path / "gh"
    package.mkdir()
    (package / "__init__.py").touch()
    for name, text in (("client", CLIENT), ("clients", ACCESSOR), ("service", SERVICE)):
        (package / f"{name}.py").write_text(textwrap.dedent(text))
    _apply(tmp_path)
    first = python_files(tmp_path)
    service = first["gh/service.py"].decode()
    assert "return [await profile(login) for login in logins]" in service
    _apply(tmp_path)
    assert python_files(tmp_path) == first
