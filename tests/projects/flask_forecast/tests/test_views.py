from forecast import upstream


def test_health(client):
    assert client.get("/health").get_json() == {"status": "ok"}


def test_forecast(client, monkeypatch):
    seen = []

    def fake_fetch(city):
        seen.append(city)
        return {"temps": [11, 17, 14]}

    monkeypatch.setattr(upstream, "fetch_forecast", fake_fetch)
    resp = client.get("/forecast/Lyon")
    assert resp.status_code == 200
    assert resp.get_json() == {"city": "Lyon", "high": 17, "low": 11}
    assert seen == ["Lyon"]


def test_unknown_city(client, monkeypatch):
    monkeypatch.setattr(upstream, "fetch_forecast", lambda city: None)
    assert client.get("/forecast/Atlantis").status_code == 404


def fetch_failing(city):
    raise upstream.UpstreamError("upstream answered 503")


def test_upstream_error(client, monkeypatch):
    monkeypatch.setattr("forecast.upstream.fetch_forecast", fetch_failing)
    resp = client.get("/forecast/Lyon")
    assert resp.status_code == 502
    assert resp.get_json() == {"error": "upstream answered 503"}


def test_alerts(client, monkeypatch):
    def fake_alerts(region):
        return [{"region": region, "level": "orange"}]

    monkeypatch.setattr(upstream, "fetch_alerts", fake_alerts)
    resp = client.get("/alerts/alps")
    assert resp.get_json()["alerts"] == [{"region": "alps", "level": "orange"}]


def test_forecast_is_not_cached(client, monkeypatch):
    calls = []
    monkeypatch.setattr(upstream, "fetch_forecast", lambda city: calls.append(city) or {"temps": [1]})
    client.get("/forecast/Oslo")
    client.get("/forecast/Oslo")
    assert calls == ["Oslo", "Oslo"]
