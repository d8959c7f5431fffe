"""Commands registered on ``app.cli``."""

from __future__ import annotations

import sqlite3
from typing import Any

from sample_upstreams import UpstreamCluster

from .support import AppFactory


def test_refresh_rates_command_stores_rates(
    app_factory: AppFactory, app_config: dict[str, Any], upstreams: UpstreamCluster
) -> None:
    app = app_factory(app_config)
    result = app.test_cli_runner().invoke(args=["refresh-rates", "--base", "EUR"])

    assert result.exit_code == 0, result.output
    assert result.output == "Stored 3 rates for EUR.\n"
    with sqlite3.connect(app_config["DATABASE"]) as conn:
        rows = conn.execute("SELECT currency, rate FROM rates ORDER BY currency").fetchall()
    conn.close()
    assert rows == [("GBP", 0.86), ("JPY", 162.3), ("USD", 1.08)]
    assert [e.service for e in upstreams.log.entries()] == ["rates"]


def test_init_db_command_resets_tables(app_factory: AppFactory, app_config: dict[str, Any]) -> None:
    app = app_factory(app_config)
    result = app.test_cli_runner().invoke(args=["init-db"])
    assert result.exit_code == 0
    assert "Initialised the database." in result.output
