import pytest

from geo import lookup


class FakeResponse:
    def __init__(self, status_code=200, payload=None):
        self.status_code = status_code
        self._payload = payload or {}

    def json(self):
        return self._payload

    def raise_for_status(self):
        if self.status_code >= 400:
            raise lookup.requests.HTTPError(f"{self.status_code}")


def fake_get(url, timeout):
    ip = url.rsplit("/", 1)[-1]
    table = {
        "1.1.1.1": FakeResponse(payload={"city": "Sydney", "country": "AU"}),
        "8.8.8.8": FakeResponse(payload={"city": "Mountain View", "country": "US"}),
        "9.9.9.9": FakeResponse(payload={"city": "Zurich", "country": "CH"}),
        "0.0.0.0": FakeResponse(status_code=404),
        "6.6.6.6": FakeResponse(status_code=500),
    }
    return table[ip]


@pytest.fixture
def no_network(monkeypatch):
    monkeypatch.setattr(lookup.requests, "get", fake_get)


def test_locate_from_the_service():
    assert lookup.locate("4.4.4.4") == ("Denver", "US")


@pytest.mark.usefixtures("no_network")
def test_locate():
    assert lookup.locate("1.1.1.1") == ("Sydney", "AU")


@pytest.mark.usefixtures("no_network")
def test_missing():
    with pytest.raises(lookup.GeoError):
        lookup.locate("0.0.0.0")


@pytest.mark.usefixtures("no_network")
def test_server_error():
    with pytest.raises(lookup.requests.HTTPError):
        lookup.locate("6.6.6.6")


@pytest.mark.usefixtures("no_network")
def test_countries():
    ips = ["1.1.1.1", "0.0.0.0", "8.8.8.8", "9.9.9.9", "1.1.1.1"]
    assert lookup.countries(ips) == ["AU", "US", "CH"]
