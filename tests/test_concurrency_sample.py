"""The payoff: fetches that used to wait for each other now overlap.

Both app versions run side by side in one test against the same upstreams;
ratios are printed, and asserted only with generous bounds where the effect
is large (three 200 ms fetches becoming concurrent).
"""

from __future__ import annotations

import itertools
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

import sample_legacy_app
import sample_migrated_app
from migrate.compare.server import serve_wsgi
from sample_upstreams import UpstreamCluster

LATENCY = 0.2


def _timed_get(app: Any, path: str, upstreams: UpstreamCluster) -> tuple[float, list[Any]]:
    with serve_wsgi(app) as base_url, httpx.Client(base_url=base_url, timeout=30) as client:
        assert client.get(path).status_code == 200  # warm-up
        upstreams.log.clear()
        started = time.perf_counter()
        response = client.get(path)
        elapsed = time.perf_counter() - started
    assert response.status_code == 200
    return elapsed, sorted(upstreams.log.entries(), key=lambda e: e.seq)


def _config(upstreams: UpstreamCluster, tmp_path: Path, name: str) -> dict[str, Any]:
    return {**upstreams.app_config(), "DATABASE": str(tmp_path / f"{name}.sqlite3")}


def test_dashboard_fetches_overlap_after_migration(
    upstreams: UpstreamCluster, tmp_path: Path
) -> None:
    for service in ("weather", "events", "rates"):
        upstreams.set_latency(service, LATENCY)
    legacy = sample_legacy_app.create_app(_config(upstreams, tmp_path, "legacy"))
    migrated = sample_migrated_app.create_app(_config(upstreams, tmp_path, "migrated"))

    before, before_log = _timed_get(legacy, "/api/dashboard", upstreams)
    after, after_log = _timed_get(migrated, "/api/dashboard", upstreams)

    print(
        f"\ndashboard: legacy {before * 1000:.0f} ms, migrated {after * 1000:.0f} ms,"
        f" {before / after:.2f}x (3 upstreams x {LATENCY * 1000:.0f} ms)"
    )
    # Before: a staircase. After: all three in flight together.
    assert all(a.end <= b.start for a, b in itertools.pairwise(before_log))
    assert len(after_log) == 3
    assert all(_overlap(a, b) for a, b in itertools.combinations(after_log, 2))
    # Lower bounds only; the speed-up itself is the benchmark's to measure.
    assert before >= 3 * LATENCY
    assert after >= LATENCY


def _overlap(a: Any, b: Any) -> bool:
    return bool(a.start < b.end and b.start < a.end)


def test_feed_fan_out_overlaps_within_the_limit(upstreams: UpstreamCluster, tmp_path: Path) -> None:
    upstreams.set_latency("social", 0.05)
    migrated = sample_migrated_app.create_app(_config(upstreams, tmp_path, "migrated"))
    _, log = _timed_get(migrated, "/api/feed/1", upstreams)

    user, following, *posts = log
    assert user.route == "/v1/users/{id}"
    assert following.route == "/v1/users/{id}/following"
    assert user.end <= following.start  # the chain stays ordered
    assert all(following.end <= post.start for post in posts)
    assert len(posts) == 12
    peak = upstreams.log.max_in_flight("social")
    print(f"\nfeed: {len(posts)} post fetches, at most {peak} in flight")
    assert 1 < peak <= 10  # overlapping, but never more than --max-concurrency


@pytest.mark.parametrize(
    "module", [sample_legacy_app, sample_migrated_app], ids=["legacy", "migrated"]
)
def test_order_payment_strictly_before_inventory(
    module: Any, upstreams: UpstreamCluster, tmp_path: Path
) -> None:
    upstreams.set_latency("payments", 0.1)
    app = module.create_app(_config(upstreams, tmp_path, module.__name__))
    with serve_wsgi(app) as base_url, httpx.Client(base_url=base_url) as client:
        for _ in range(3):
            upstreams.log.clear()
            response = client.post(
                "/api/orders", json={"sku": "SKU-9", "quantity": 1, "amount_cents": 100}
            )
            assert response.status_code == 201
            payment, inventory = sorted(upstreams.log.entries(), key=lambda e: e.seq)
            assert (payment.service, inventory.service) == ("payments", "inventory")
            assert payment.end <= inventory.start
