"""A Flask app's setup and CLI command, moved to Quart: ``flask sync-stock``
copies stock levels from the stock service, and ``create_app`` runs the
schema, before and after."""

import contextlib
import sqlite3

HOSTS = ("stock.example",)
ROUTES = {"GET stock.example /v1/levels": (200, {"pears": 5, "apples": 3})}
SCHEMA = "CREATE TABLE stock (name TEXT PRIMARY KEY, level INTEGER NOT NULL);\n"


def drive(run):
    (run.root / "store" / "schema.sql").write_text(SCHEMA)
    store = run.module("store")
    made = []

    def sync_stock():
        database = run.root / f"store-{len(made)}.db"
        app = store.create_app({"DATABASE": str(database)})
        made.append(app)
        result = app.test_cli_runner().invoke(args=["sync-stock"])
        # The schema ran in create_app: the table is there to read.
        with contextlib.closing(sqlite3.connect(database)) as db:
            tables = db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
        return result.exit_code, result.output, repr(result.exception), tables

    run.check("sync stock", sync_stock)
    run.answer("GET stock.example /v1/levels", 200, {"plums": 1})
    run.check("sync stock again, new levels", sync_stock)
    run.answer("GET stock.example /v1/levels", 200, [1, 2])
    run.check("levels that are not a mapping", sync_stock)
