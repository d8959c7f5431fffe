from unittest.mock import AsyncMock

import httpx
import pytest

from geo import lookup
from geo._async_helpers import StatusError


class FakeResponse:
    def __init__(self, status_code=200, payload=None):
        self.status_code = status_code
        self._payload = payload or {}

    def json(self):
        return self._payload

    def raise_for_status(self):
        if self.status_code >= 400:
            raise StatusError(f"{self.status_code}")

    @property
    def is_error(self):
        return self.status_code >= 400


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
    monkeypatch.setattr(httpx.AsyncClient, "get", AsyncMock(side_effect=fake_get))


@pytest.mark.asyncio
async def test_locate_from_the_service():
    assert await lookup.locate("4.4.4.4") == ("Denver", "US")


@pytest.mark.asyncio
@pytest.mark.usefixtures("no_network")
async def test_locate():
    assert await lookup.locate("1.1.1.1") == ("Sydney", "AU")


@pytest.mark.asyncio
@pytest.mark.usefixtures("no_network")
async def test_missing():
    with pytest.raises(lookup.GeoError):
        await lookup.locate("0.0.0.0")


@pytest.mark.asyncio
@pytest.mark.usefixtures("no_network")
async def test_server_error():
    with pytest.raises(httpx.HTTPStatusError):
        await lookup.locate("6.6.6.6")


@pytest.mark.asyncio
@pytest.mark.usefixtures("no_network")
async def test_countries():
    ips = ["1.1.1.1", "0.0.0.0", "8.8.8.8", "9.9.9.9", "1.1.1.1"]
    assert await lookup.countries(ips) == ["AU", "US", "CH"]
