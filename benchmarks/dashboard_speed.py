"""Before/after latency of the sample app, measured side by side in one run.

Both versions run under the same real WSGI server (waitress) against the
same upstream services (uvicorn), each upstream answering after
``--latency`` seconds. The legacy dashboard waits for its three upstreams
one after another (about 3x the latency); the migrated one awaits them
together (about 1x). The script prints medians and their ratio; it asserts
nothing: a benchmark, not a test.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx
from rich.console import Console
from rich.table import Table

import sample_legacy_app
import sample_migrated_app
from migrate.compare.server import serve_wsgi
from sample_upstreams import UpstreamCluster

ENDPOINTS = ("/api/dashboard", "/city/Oslo", "/api/feed/1")


def measure(app: Any, path: str, runs: int) -> float:
    with serve_wsgi(app) as base_url, httpx.Client(base_url=base_url, timeout=60) as client:
        client.get(path)  # warm-up: connections, templates
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            assert client.get(path).status_code == 200
            times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--latency", type=float, default=0.3)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    console = Console()
    latencies = {s: args.latency for s in ("weather", "events", "rates", "social")}
    table = Table(
        title=f"sample app, upstream latency {args.latency * 1000:.0f} ms (median of {args.runs})"
    )
    for column in ("endpoint", "legacy ms", "migrated ms", "speed-up"):
        table.add_column(column, justify="left" if column == "endpoint" else "right")
    with tempfile.TemporaryDirectory() as tmp, UpstreamCluster(latencies=latencies) as upstreams:
        config = {**upstreams.app_config(), "DATABASE": str(Path(tmp) / "bench.sqlite3")}
        legacy = sample_legacy_app.create_app(config)
        migrated = sample_migrated_app.create_app(config)
        for path in ENDPOINTS:
            before = measure(legacy, path, args.runs)
            after = measure(migrated, path, args.runs)
            table.add_row(
                path, f"{before * 1000:.0f}", f"{after * 1000:.0f}", f"{before / after:.2f}x"
            )
    console.print(table)


if __name__ == "__main__":
    main()
