"""The *before* picture: the legacy app fetches one upstream after another."""

from __future__ import annotations

import itertools
import time
from pathlib import Path

import httpx

from migrate.compare.server import serve_wsgi
from sample_legacy_app import create_app
from sample_upstreams import UpstreamCluster

LATENCY = 0.15


def test_dashboard_latency_is_the_sum_of_its_upstreams(
    upstreams: UpstreamCluster, tmp_path: Path
) -> None:
    for service in ("weather", "events", "rates"):
        upstreams.set_latency(service, LATENCY)
    app = create_app({**upstreams.app_config(), "DATABASE": str(tmp_path / "db.sqlite3")})

    with serve_wsgi(app) as base_url, httpx.Client(base_url=base_url) as client:
        client.get("/api/dashboard")  # warm up: first request opens connections
        upstreams.log.clear()
        started = time.perf_counter()
        response = client.get("/api/dashboard")
        elapsed = time.perf_counter() - started

    assert response.status_code == 200
    entries = sorted(upstreams.log.entries(), key=lambda e: e.seq)
    assert [e.service for e in entries] == ["weather", "events", "rates"]
    # A staircase: each fetch starts after the previous one ended.
    for before, after in itertools.pairwise(entries):
        assert before.end <= after.start
    assert upstreams.log.max_in_flight() == 1
    print(f"\nlegacy dashboard: {elapsed * 1000:.0f} ms for 3 x {LATENCY * 1000:.0f} ms upstreams")
    assert elapsed >= 3 * LATENCY


def test_module_level_session_reuses_connections(
    upstreams: UpstreamCluster, tmp_path: Path
) -> None:
    app = create_app({**upstreams.app_config(), "DATABASE": str(tmp_path / "db.sqlite3")})
    with serve_wsgi(app, threads=1) as base_url, httpx.Client(base_url=base_url) as client:
        for _ in range(3):
            assert client.get("/api/feed/2").status_code == 200
    ports = {e.client_port for e in upstreams.log.entries()}
    # Twelve requests to the social service over one kept-alive connection.
    assert len(upstreams.log.entries()) == 12
    assert len(ports) == 1
