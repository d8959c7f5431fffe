"""Dashboard (three independent upstreams) and the server-rendered city page."""

from __future__ import annotations

from sample_upstreams import UpstreamCluster

from .support import LiveApp, LiveFactory, upstream_json


def test_dashboard_combines_three_upstreams(live: LiveApp, upstreams: UpstreamCluster) -> None:
    response = live.get("/api/dashboard?city=Porto")

    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert body["city"] == "Porto"
    assert body["weather"]["city"] == "Porto"
    assert {"temp_c", "conditions"} <= body["weather"].keys()
    assert len(body["events"]) == 3
    assert body["rates"] == {"USD": 1.08, "GBP": 0.86, "JPY": 162.3}
    services = sorted(entry.service for entry in upstreams.log.entries())
    assert services == ["events", "rates", "weather"]


def test_dashboard_sends_session_headers(live: LiveApp, upstreams: UpstreamCluster) -> None:
    assert live.get("/api/dashboard").status_code == 200
    for entry in upstreams.log.entries():
        assert entry.headers["x-api-key"] == "dev-key"
        assert entry.headers["user-agent"] == "legacy-dashboard/1.4"


def test_dashboard_default_city(live: LiveApp) -> None:
    assert live.get("/api/dashboard").json()["city"] == "Lisbon"


def test_dashboard_upstream_500_is_502(live: LiveApp, upstreams: UpstreamCluster) -> None:
    upstreams.inject_fault("weather", "error500")
    response = live.get("/api/dashboard")
    assert response.status_code == 502
    assert response.json() == {"error": "upstream answered 500", "service": "weather"}


def test_dashboard_malformed_json_is_502(live: LiveApp, upstreams: UpstreamCluster) -> None:
    upstreams.inject_fault("events", "malformed")
    response = live.get("/api/dashboard")
    assert response.status_code == 502
    assert response.json() == {"error": "malformed JSON", "service": "events"}


def test_dashboard_slow_upstream_is_504(live_with: LiveFactory, upstreams: UpstreamCluster) -> None:
    upstreams.inject_fault("rates", "slow")
    with live_with(HTTP_TIMEOUT=0.3) as live:
        response = live.get("/api/dashboard")
    assert response.status_code == 504
    assert response.json() == {"error": "upstream timed out"}


def test_dashboard_unreachable_upstream_is_502_after_retries(
    live_with: LiveFactory, upstreams: UpstreamCluster, closed_port_url: str
) -> None:
    with live_with(WEATHER_URL=closed_port_url) as live:
        response = live.get("/api/dashboard")
    assert response.status_code == 502
    assert response.json() == {"error": "upstream unavailable"}


def test_dashboard_dropped_connection_is_502(live: LiveApp, upstreams: UpstreamCluster) -> None:
    upstreams.inject_fault("weather", "drop")
    response = live.get("/api/dashboard")
    assert response.status_code == 502
    assert response.json() == {"error": "upstream unavailable"}


def test_city_page_renders_fetched_data(live: LiveApp, upstreams: UpstreamCluster) -> None:
    response = live.get("/city/Madrid")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    html = response.text
    assert "<h1>Madrid</h1>" in html
    weather = upstream_json(upstreams, "weather", "/v1/weather?city=Madrid")
    assert f"{weather['temp_c']} &deg;C, {weather['conditions']}" in html
    assert html.count("<li data-id=") == 3


def test_weather_is_one_fetch_on_the_shared_session(
    live: LiveApp, upstreams: UpstreamCluster
) -> None:
    response = live.get("/api/weather/Oslo")

    assert response.status_code == 200
    [entry] = upstreams.log.entries()
    assert entry.service == "weather"
    assert entry.headers["user-agent"] == "legacy-dashboard/1.4"
    assert response.json() == upstream_json(upstreams, "weather", "/v1/weather?city=Oslo")
