"""``migrate compare`` on the sample pair: same answers, faster where it should be."""

from __future__ import annotations

import itertools
import re
from typing import Any

from migrate.compare.scenario import load_scenarios

from .conftest import LATENCY, ROOT, CompareRun


def _endpoint(data: dict[str, Any], name: str) -> dict[str, Any]:
    return next(e for e in data["endpoints"] if e["name"] == name)


def test_every_scenario_is_identical(sample_run: CompareRun) -> None:
    assert sample_run.returncode == 0, sample_run.stderr
    data = sample_run.json()
    names = [s.name for s in load_scenarios().scenarios]
    assert [e["name"] for e in data["endpoints"]] == names
    for endpoint in data["endpoints"]:
        assert endpoint["identical"], (endpoint["name"], endpoint["differences"])
        assert endpoint["differences"] == []
        assert endpoint["final"]["differences"] == [], endpoint["name"]
    assert data["identical"] is True
    assert data["ok"] is True


def test_dashboard_timings_follow_the_upstream_latency(sample_run: CompareRun) -> None:
    # Lower bounds only (a busy machine can only make things slower): the
    # legacy dashboard waits for three fetches in turn, the migrated one for at
    # least one. That it overlaps them is shown by the waterfall test below,
    # and the speed-up is measured by `make bench`, not asserted here.
    dashboard = _endpoint(sample_run.json(), "dashboard")
    before, after = dashboard["before"]["p50_ms"], dashboard["after"]["p50_ms"]
    print(f"\ndashboard: before {before} ms, after {after} ms, {dashboard['speedup']}x")
    assert before >= 3 * LATENCY * 1000
    assert after >= LATENCY * 1000


def test_dashboard_waterfall_is_a_staircase_then_overlapping(sample_run: CompareRun) -> None:
    calls = _endpoint(sample_run.json(), "dashboard")["upstream_calls"]
    before, after = calls["before"], calls["after"]
    assert [c["service"] for c in before] == ["weather", "events", "rates"]
    assert sorted(c["service"] for c in after) == ["events", "rates", "weather"]
    for a, b in itertools.pairwise(before):
        assert a["end_ms"] <= b["start_ms"]
    for a, b in itertools.combinations(after, 2):
        assert a["start_ms"] < b["end_ms"] and b["start_ms"] < a["end_ms"]


def test_load_run_has_no_errors_and_no_warnings(sample_run: CompareRun) -> None:
    data = sample_run.json()
    for version in ("before", "after", "final"):
        load = data["load"][version]
        assert load["requests"] == 20, load
        assert load["errors"] == 0, load["error_kinds"]
        assert load["throughput_rps"] > 0
        # Warnings, tracebacks, "Event loop is closed", "unclosed" on a server's stderr.
        assert data["problems"][version] == []


def test_json_output_shape(sample_run: CompareRun) -> None:
    data = sample_run.json()
    assert set(data) == {
        "ok",
        "identical",
        "before",
        "after",
        "final",
        "settings",
        "endpoints",
        "load",
        "problems",
        "report",
        "roots",
    }
    assert data["before"] == "sample_legacy_app:create_app"
    assert data["after"] == "sample_migrated_app:create_app"
    assert data["final"] == "sample_quart_app:create_app"
    assert data["roots"]["final"] == str(ROOT / "sample_quart_app")
    assert data["settings"]["upstreams_started"] is True
    assert data["roots"]["after"] == str(ROOT / "sample_migrated_app")
    assert data["settings"]["upstream_latency_s"] == LATENCY
    endpoint = _endpoint(data, "dashboard")
    assert set(endpoint) == {
        "name",
        "method",
        "path",
        "identical",
        "differences",
        "status",
        "before",
        "after",
        "speedup",
        "speedup_within_noise",
        "view",
        "upstream_calls",
        "changed_functions",
        "final",
    }
    assert set(endpoint["before"]) == {"p50_ms", "p95_ms", "samples"}
    # One sample per version (--repeat 1): a ratio, but not one to read as a result.
    assert endpoint["speedup_within_noise"] is True
    assert endpoint["status"] == {"before": 200, "after": 200}
    assert endpoint["view"]["before"] == "sample_legacy_app.views.dashboard:dashboard"
    assert "views/dashboard.py:dashboard" in endpoint["changed_functions"]
    assert "upstream.py:fetch_weather" in endpoint["changed_functions"]
    assert set(data["load"]["after"]) >= {"clients", "requests", "errors", "throughput_rps"}
    assert data["report"] == str(sample_run.report)


def test_report_is_self_contained(sample_run: CompareRun) -> None:
    html = sample_run.report.read_text(encoding="utf-8")
    assert "<script" not in html
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    styles = "".join(re.findall(r"<style>(.*?)</style>", html, re.DOTALL))
    assert styles and "@import" not in styles and "url(" not in styles
    assert html.count('class="bar before"') >= 3
    assert html.count('class="bar after"') >= 3
    assert html.count('class="bar final"') >= 3
    # The source diff of the dashboard view.
    assert "+async def dashboard() -&gt; ResponseReturnValue:" in html


def test_quart_dashboard_overlaps_its_fetches_on_one_loop(sample_run: CompareRun) -> None:
    dashboard = _endpoint(sample_run.json(), "dashboard")
    calls = dashboard["final"]["upstream_calls"]
    assert sorted(c["service"] for c in calls) == ["events", "rates", "weather"]
    for a, b in itertools.combinations(calls, 2):
        assert a["start_ms"] < b["end_ms"] and b["start_ms"] < a["end_ms"]
