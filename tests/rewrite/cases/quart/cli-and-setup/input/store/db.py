import sqlite3

import click
from asgiref.sync import async_to_sync
from flask import Flask, current_app, g
from flask.cli import with_appcontext

from . import clients


def get_db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = sqlite3.connect(current_app.config["DATABASE"])
    return g.db


def init_db() -> None:
    with current_app.open_resource("schema.sql", "r") as f:
        get_db().executescript(f.read())


@click.command("sync-stock")
@with_appcontext
def sync_stock_command() -> None:
    """Copy stock levels into the database."""
    levels = async_to_sync(clients.fetch_stock)()
    get_db().executemany("INSERT INTO stock VALUES (?, ?)", sorted(levels.items()))
    click.echo(f"{len(levels)} levels")


def init_app(app: Flask) -> None:
    app.cli.add_command(sync_stock_command)
    with app.app_context():
        init_db()
