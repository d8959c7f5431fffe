"""sqlite3 storage, the Flask tutorial way: one connection per request in ``g``."""

from __future__ import annotations

import asyncio
import os
import sqlite3
from typing import Any

import click
from quart import Quart, current_app, g
from quart.cli import ScriptInfo, pass_script_info, with_appcontext

from . import upstream
from ._async_helpers import run_coroutine


def get_db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = sqlite3.connect(current_app.config["DATABASE"], check_same_thread=False)
        g.db.row_factory = sqlite3.Row
    return g.db


def close_db(exc: BaseException | None = None) -> None:
    db = g.pop("db", None)
    if db is not None:
        db.close()


def init_db() -> None:
    db = get_db()
    with open(os.path.join(current_app.root_path, "schema.sql"), encoding="utf-8") as f:
        db.executescript(f.read())


def insert_order(sku: str, quantity: int, amount_cents: int, currency: str) -> str:
    db = get_db()
    cur = db.execute(
        "INSERT INTO orders (sku, quantity, amount_cents, currency, status)"
        " VALUES (?, ?, ?, ?, 'pending')",
        (sku, quantity, amount_cents, currency),
    )
    db.commit()
    return f"ord-{cur.lastrowid}"


def update_order(order_id: str, status: str, **fields: Any) -> None:
    db = get_db()
    db.execute(
        "UPDATE orders SET status = ?, charge_id = ?, reservation_id = ? WHERE id = ?",
        (status, fields.get("charge_id"), fields.get("reservation_id"), _rowid(order_id)),
    )
    db.commit()


def load_order(order_id: str) -> dict[str, Any] | None:
    row = get_db().execute("SELECT * FROM orders WHERE id = ?", (_rowid(order_id),)).fetchone()
    if row is None:
        return None
    data = dict(row)
    data["id"] = f"ord-{data['id']}"
    return data


def save_rates(rates: dict[str, float]) -> None:
    db = get_db()
    db.executemany("INSERT OR REPLACE INTO rates VALUES (?, ?)", sorted(rates.items()))
    db.commit()


def _rowid(order_id: str) -> int:
    try:
        return int(order_id.removeprefix("ord-"))
    except ValueError:
        return -1


@click.command("init-db")
@with_appcontext
def init_db_command() -> None:
    """Create the tables (drops existing data)."""
    init_db()
    click.echo("Initialised the database.")


@click.command("refresh-rates")
@click.option("--base", default="EUR", show_default=True)
@pass_script_info
def refresh_rates_command(info: ScriptInfo, base: str) -> None:
    """Fetch exchange rates from the rates service and store them."""

    async def run() -> None:
        app = info.load_app()
        await app.startup()
        try:
            async with app.app_context():
                rates = (await upstream.fetch_rates(base))["rates"]
                save_rates(rates)
                click.echo(f"Stored {len(rates)} rates for {base}.")
        finally:
            await app.shutdown()

    asyncio.run(run())


def init_app(app: Quart) -> None:
    app.teardown_appcontext(close_db)
    app.cli.add_command(init_db_command)
    app.cli.add_command(refresh_rates_command)

    async def in_app_context() -> None:
        async with app.app_context():
            # The tables are created on first start so that a fresh checkout runs.
            if not _has_tables():
                init_db()

    run_coroutine(in_app_context())


def _has_tables() -> bool:
    row = (
        get_db()
        .execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'orders'")
        .fetchone()
    )
    return row is not None
