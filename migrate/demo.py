"""``migrate demo``: the built-in sample, measured under a real server."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import httpx
from rich.console import Console
from rich.table import Table

from sample_upstreams import UpstreamCluster

from .compare.scenario import load_scenarios
from .compare.server import serve_wsgi

# Slow upstreams are what make the sequential fetches visible.
DEMO_SLOW_SERVICES = ("weather", "events", "rates", "social")


def run_demo(latency: float = 0.3, console: Console | None = None) -> None:
    """Start the upstreams and the legacy app, replay every scenario, print a table."""
    from sample_legacy_app import create_app

    console = console or Console()
    scenario_file = load_scenarios()
    latencies = {name: latency for name in DEMO_SLOW_SERVICES}
    with (
        tempfile.TemporaryDirectory() as tmp,
        UpstreamCluster(latency=0.02, latencies=latencies) as upstreams,
    ):
        app = create_app({**upstreams.app_config(), "DATABASE": str(Path(tmp) / "demo.sqlite3")})
        table = Table(title=f"sample_legacy_app (upstream latency {latency * 1000:.0f} ms)")
        for column in ("endpoint", "status", "latency ms", "upstream calls"):
            table.add_column(column, justify="left" if column == "endpoint" else "right")
        with serve_wsgi(app) as base_url, httpx.Client(base_url=base_url, timeout=60) as client:
            for scenario in scenario_file.scenarios:
                upstreams.log.clear()
                started = time.perf_counter()
                response = client.request(scenario.method, scenario.path, json=scenario.json)
                elapsed = time.perf_counter() - started
                table.add_row(
                    f"{scenario.method} {scenario.path}",
                    str(response.status_code),
                    f"{elapsed * 1000:.0f}",
                    str(len(upstreams.log.entries())),
                )
        console.print(table)
