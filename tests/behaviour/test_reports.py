"""Reports: start a job, then poll with backoff until it is done."""

from __future__ import annotations

from sample_upstreams import UpstreamCluster

from .support import LiveApp, LiveFactory


def test_report_polls_until_done(live: LiveApp, upstreams: UpstreamCluster) -> None:
    response = live.post("/api/reports", json={"kind": "sales"})

    assert response.status_code == 200
    assert response.json() == {"job_id": "job-1", "result": {"kind": "sales", "rows": 42}}
    entries = sorted(upstreams.log.entries(), key=lambda e: e.seq)
    assert [e.method for e in entries] == ["POST", "GET", "GET", "GET"]
    # The client waits between polls: 50 ms, then 100 ms.
    polls = entries[1:]
    assert polls[1].start - polls[0].end >= 0.045
    assert polls[2].start - polls[1].end >= 0.095


def test_report_that_never_finishes_is_504(
    live_with: LiveFactory, upstreams: UpstreamCluster
) -> None:
    with live_with(REPORT_MAX_POLLS=2) as live:
        response = live.post("/api/reports", json={"kind": "stock"})
    assert response.status_code == 504
    assert response.json() == {"error": "report not ready in time", "job_id": "job-1"}
    assert len(upstreams.log.entries()) == 3


def test_report_job_service_down_is_502(live: LiveApp, upstreams: UpstreamCluster) -> None:
    upstreams.inject_fault("jobs", "error500")
    response = live.post("/api/reports", json={"kind": "sales"})
    assert response.status_code == 502
    assert response.json() == {"error": "upstream unavailable"}
