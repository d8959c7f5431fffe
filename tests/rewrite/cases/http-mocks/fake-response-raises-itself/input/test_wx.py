import pytest
import requests

import wx


class FakeResponse:
    def __init__(self, status_code=200, payload=None):
        self.status_code = status_code
        self._payload = payload

    def json(self):
        return self._payload

    def raise_for_status(self):
        if self.status_code >= 400:
            raise requests.HTTPError(f"{self.status_code} Error", response=self)


GONE = FakeResponse(410)


def gone(*args, **kwargs):
    raise requests.HTTPError("gone", response=GONE)


def test_forecast_served():
    assert wx.forecast("Oslo") == [3, 4]


def test_forecast_ok(monkeypatch):
    monkeypatch.setattr(requests, "get", lambda *a, **kw: FakeResponse(200, {"days": [1]}))
    assert wx.forecast("Oslo") == [1]


def test_forecast_missing(monkeypatch):
    monkeypatch.setattr(requests, "get", lambda *a, **kw: FakeResponse(404))
    assert wx.forecast("Nowhere") == []


def test_forecast_server_error(monkeypatch):
    monkeypatch.setattr(requests, "get", lambda *a, **kw: FakeResponse(503))
    with pytest.raises(requests.HTTPError) as caught:
        wx.forecast("Oslo")
    assert caught.value.response.status_code == 503
    assert caught.value.request is None


def test_status_of_gone(monkeypatch):
    monkeypatch.setattr(requests, "get", gone)
    assert wx.status_of("Atlantis") == 410
