from unittest.mock import AsyncMock

import httpx
import pytest

import wx
from _async_helpers import StatusError


class FakeResponse:
    def __init__(self, status_code=200, payload=None):
        self.status_code = status_code
        self._payload = payload

    def json(self):
        return self._payload

    def raise_for_status(self):
        if self.status_code >= 400:
            raise StatusError(f"{self.status_code} Error", response=self)

    @property
    def is_error(self):
        return self.status_code >= 400


GONE = FakeResponse(410)


def gone(*args, **kwargs):
    raise StatusError("gone", response=GONE)


@pytest.mark.asyncio
async def test_forecast_served():
    assert await wx.forecast("Oslo") == [3, 4]


@pytest.mark.asyncio
async def test_forecast_ok(monkeypatch):
    monkeypatch.setattr(
        httpx.AsyncClient,
        "get",
        AsyncMock(side_effect=lambda *a, **kw: FakeResponse(200, {"days": [1]})),
    )
    assert await wx.forecast("Oslo") == [1]


@pytest.mark.asyncio
async def test_forecast_missing(monkeypatch):
    monkeypatch.setattr(
        httpx.AsyncClient,
        "get",
        AsyncMock(side_effect=lambda *a, **kw: FakeResponse(404)),
    )
    assert await wx.forecast("Nowhere") == []


@pytest.mark.asyncio
async def test_forecast_server_error(monkeypatch):
    monkeypatch.setattr(
        httpx.AsyncClient,
        "get",
        AsyncMock(side_effect=lambda *a, **kw: FakeResponse(503)),
    )
    with pytest.raises(httpx.HTTPStatusError) as caught:
        await wx.forecast("Oslo")
    assert caught.value.response.status_code == 503
    assert caught.value.request is None


@pytest.mark.asyncio
async def test_status_of_gone(monkeypatch):
    monkeypatch.setattr(httpx.AsyncClient, "get", AsyncMock(side_effect=gone))
    assert await wx.status_of("Atlantis") == 410
