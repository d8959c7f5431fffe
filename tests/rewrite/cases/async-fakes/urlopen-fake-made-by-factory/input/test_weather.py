import io
import json
import urllib.error
from unittest import mock

import pytest

import weather


def fake_urlopen(answers):
    calls = []

    def urlopen(url, timeout=None):
        calls.append(url)
        status, body = answers[url]
        if status >= 400:
            raise urllib.error.HTTPError(url, status, "error", {}, io.BytesIO(b""))
        resp = mock.MagicMock()
        resp.__enter__.return_value = io.BytesIO(json.dumps(body).encode())
        return resp

    return urlopen, calls


def test_current(monkeypatch):
    urlopen, calls = fake_urlopen({"http://weather.example.com/current?q=Oslo": (200, {"temp": 3})})
    monkeypatch.setattr(weather.urllib.request, "urlopen", urlopen)
    assert weather.current("Oslo") == 3
    assert calls == ["http://weather.example.com/current?q=Oslo"]


def test_unknown(monkeypatch):
    urlopen, _ = fake_urlopen({"http://weather.example.com/current?q=X": (404, {})})
    monkeypatch.setattr(weather.urllib.request, "urlopen", urlopen)
    with pytest.raises(weather.UnknownPlace):
        weather.current("X")


def test_server_down(monkeypatch):
    monkeypatch.setattr(weather.time, "sleep", lambda s: None)
    urlopen, calls = fake_urlopen({"http://weather.example.com/current?q=Y": (503, {})})
    monkeypatch.setattr(weather.urllib.request, "urlopen", urlopen)
    with pytest.raises(urllib.error.HTTPError):
        weather.current("Y")
    assert len(calls) == 3
