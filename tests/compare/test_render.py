"""The terminal table of ``migrate compare``, read at 80 columns."""

from __future__ import annotations

import io

from rich.console import Console

from migrate.compare.load import LatencyStats, distinguishable
from migrate.compare.model import CompareOptions, CompareResult, EndpointResult
from migrate.compare.render import render_result
from migrate.compare.replay import Exchange
from migrate.compare.scenario import Scenario


def ms(*values: float) -> LatencyStats:
    return LatencyStats(tuple(v / 1000 for v in values))


def endpoint(name: str, path: str, before: LatencyStats, after: LatencyStats) -> EndpointResult:
    answer = Exchange(status=200, headers={}, body=b"{}", elapsed=0.0)
    return EndpointResult(Scenario(name, "GET", path), answer, answer, [], before, after)


def table(*endpoints: EndpointResult) -> str:
    out = io.StringIO()
    result = CompareResult(options=CompareOptions(report=None), endpoints=list(endpoints))
    render_result(result, Console(file=out, width=80))
    return out.getvalue()


def test_two_scenarios_on_one_path_are_told_apart_by_their_query() -> None:
    text = table(
        endpoint("lamp", "/api/search?q=lamp", ms(5, 5), ms(5, 5)),
        endpoint("chair", "/api/search?q=chair&limit=20", ms(5, 5), ms(5, 5)),
    )
    flat = text.replace("\n", "")
    assert "/api/search?q=lamp" in text
    assert "q=chair&limit=20" in flat.replace("│", "").replace(" ", "")
    assert "…" not in text


def test_a_path_with_its_query_fits_on_one_line_at_80_columns() -> None:
    text = table(endpoint("dashboard", "/api/dashboard?city=Porto", ms(938, 948), ms(378, 390)))
    assert "│ GET /api/dashboard?city=Porto │" in text


def test_the_same_request_twice_is_told_apart_by_name() -> None:
    text = table(
        endpoint("cold", "/api/feed/1", ms(5, 5), ms(5, 5)),
        endpoint("warm", "/api/feed/1", ms(5, 5), ms(5, 5)),
    )
    assert "(cold)" in text and "(warm)" in text


def test_speed_ups_within_noise_are_shown_as_tilde() -> None:
    text = table(
        endpoint("tiny", "/health", ms(3, 3, 3), ms(5, 5, 5)),
        endpoint("once", "/once", ms(900), ms(300)),
        endpoint("jittery", "/jitter", ms(100, 100, 300), ms(80, 80, 260)),
        endpoint("real", "/dashboard", ms(900, 910, 905), ms(300, 305, 310)),
    )
    rows = {line.split("│")[1].strip(): line for line in text.splitlines() if "│ GET" in line}
    assert "~" in rows["GET /health"] and "0.6x" not in rows["GET /health"]
    assert "~" in rows["GET /once"]
    assert "~" in rows["GET /jitter"]
    assert "3.0x" in rows["GET /dashboard"]
    assert "905/910" in rows["GET /dashboard"]
    assert "~: within noise" in " ".join(text.split())


def test_distinguishable_needs_samples_and_a_difference_above_the_spread() -> None:
    assert not distinguishable(ms(900), ms(300))
    assert distinguishable(ms(900, 900), ms(300, 300))
    assert not distinguishable(ms(3, 3), ms(5, 5))
    assert not distinguishable(ms(100, 110, 400), ms(80, 90, 300))
    assert distinguishable(ms(100, 110, 120), ms(40, 45, 50))
