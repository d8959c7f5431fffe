import asyncio
import os
import sqlite3

import click
from quart import Quart, current_app, g
from quart.cli import ScriptInfo, pass_script_info

from . import clients
from ._async_helpers import run_coroutine


def get_db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = sqlite3.connect(current_app.config["DATABASE"], check_same_thread=False)
    return g.db


def init_db() -> None:
    with open(os.path.join(current_app.root_path, "schema.sql")) as f:
        get_db().executescript(f.read())


@click.command("sync-stock")
@pass_script_info
def sync_stock_command(info: ScriptInfo) -> None:
    """Copy stock levels into the database."""

    async def run() -> None:
        app = info.load_app()
        await app.startup()
        try:
            async with app.app_context():
                levels = await clients.fetch_stock()
                get_db().executemany(
                    "INSERT INTO stock VALUES (?, ?)", sorted(levels.items())
                )
                click.echo(f"{len(levels)} levels")
        finally:
            await app.shutdown()

    asyncio.run(run())


def init_app(app: Quart) -> None:
    app.cli.add_command(sync_stock_command)

    async def in_app_context() -> None:
        async with app.app_context():
            init_db()

    run_coroutine(in_app_context())
