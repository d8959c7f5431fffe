import pytest
import requests

from weatherclient import NotFound, WeatherClient, WeatherError

BASE = "https://weather.example"


@pytest.fixture
def client():
    with WeatherClient(BASE, token="t") as c:
        yield c


def test_station(client, requests_mock):
    requests_mock.get(f"{BASE}/stations/1", json={"temp": 3})
    assert client.station(1) == {"temp": 3}
    assert requests_mock.last_request.headers["Authorization"] == "Bearer t"


def test_not_found(client, requests_mock):
    requests_mock.get(f"{BASE}/stations/9", status_code=404)
    with pytest.raises(NotFound):
        client.station(9)


def test_retry_then_ok(client, requests_mock):
    requests_mock.get(f"{BASE}/stations/2", [{"status_code": 503}, {"json": {"temp": 5}}])
    assert client.station(2)["temp"] == 5
    assert requests_mock.call_count == 2


def test_summary(client, requests_mock):
    requests_mock.get(f"{BASE}/stations?region=north", json={"items": [{"id": 1}, {"id": 2}], "next": "/stations/p2"})
    requests_mock.get(f"{BASE}/stations/p2", json={"items": [{"id": 3}]})
    requests_mock.get(f"{BASE}/stations/1", json={"temp": 1})
    requests_mock.get(f"{BASE}/stations/2", status_code=404)
    requests_mock.get(f"{BASE}/stations/3", json={"temp": 7})
    requests_mock.get(f"{BASE}/units", json={"units": "C"})
    assert client.summary("north") == {"units": "C", "count": 2, "max": 7}
    assert client.units == "C"
    assert sum(1 for r in requests_mock.request_history if r.path == "/units") == 1


def test_connection_error(requests_mock):
    requests_mock.get(f"{BASE}/stations/1", exc=requests.exceptions.ConnectionError)
    c = WeatherClient(BASE, retries=1)
    with pytest.raises(WeatherError):
        c.station(1)
    c.close()
