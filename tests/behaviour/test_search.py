"""Search: a tight timeout and precise error statuses."""

from __future__ import annotations

import pytest

from sample_upstreams import UpstreamCluster

from .support import LiveApp, LiveFactory


def test_search_returns_results(live: LiveApp, upstreams: UpstreamCluster) -> None:
    response = live.get("/api/search?q=lamp")
    assert response.status_code == 200
    assert response.json() == {
        "query": "lamp",
        "results": [{"id": i, "title": f"lamp result {i}"} for i in (1, 2, 3)],
    }
    (entry,) = upstreams.log.entries()
    assert entry.headers["x-api-key"] == "dev-key"
    assert entry.query == "q=lamp"


def test_search_without_query_is_400(live: LiveApp, upstreams: UpstreamCluster) -> None:
    response = live.get("/api/search?q=%20")
    assert response.status_code == 400
    assert response.json() == {"error": "q is required"}
    assert upstreams.log.entries() == []


def test_search_timeout_is_504(live_with: LiveFactory, upstreams: UpstreamCluster) -> None:
    upstreams.inject_fault("search", "slow")
    with live_with(SEARCH_TIMEOUT=0.3) as live:
        response = live.get("/api/search?q=lamp")
    assert response.status_code == 504
    assert response.json() == {"error": "search timed out"}


@pytest.mark.parametrize(
    ("fault", "body"),
    [
        ("error500", {"error": "search failed", "upstream_status": 500}),
        ("malformed", {"error": "search returned malformed JSON"}),
        ("drop", {"error": "search unavailable"}),
    ],
)
def test_search_upstream_failures_are_502(
    live: LiveApp, upstreams: UpstreamCluster, fault: str, body: dict[str, object]
) -> None:
    upstreams.inject_fault("search", fault)
    response = live.get("/api/search?q=lamp")
    assert response.status_code == 502
    assert response.json() == body


def test_search_unreachable_is_502(live_with: LiveFactory, closed_port_url: str) -> None:
    with live_with(SEARCH_URL=closed_port_url) as live:
        response = live.get("/api/search?q=lamp")
    assert response.status_code == 502
    assert response.json() == {"error": "search unavailable"}
