"""pytest plugin: ``pytest_plugins = ["sample_upstreams.pytest_fixtures"]``.

Starting nine servers takes a moment, so one cluster serves the whole session;
the function-scoped ``upstreams`` fixture resets it so each test starts clean.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from .cluster import UpstreamCluster

__all__ = ["_upstream_cluster", "upstreams"]


@pytest.fixture(scope="session")
def _upstream_cluster() -> Iterator[UpstreamCluster]:
    """The session-wide cluster (no latency, api key ``dev-key``)."""
    cluster = UpstreamCluster().start()
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def upstreams(_upstream_cluster: UpstreamCluster) -> UpstreamCluster:
    """The shared cluster after ``reset()``: no faults, no latency, empty log."""
    _upstream_cluster.reset()
    return _upstream_cluster
