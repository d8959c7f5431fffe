import asyncio
import io
import json
import urllib.error
from unittest import mock
from unittest.mock import AsyncMock

import httpx
import pytest

import weather
from _async_helpers import urlopen_fake


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


@pytest.mark.asyncio
async def test_current(monkeypatch):
    urlopen, calls = fake_urlopen({"http://weather.example.com/current?q=Oslo": (200, {"temp": 3})})
    monkeypatch.setattr(
        httpx.AsyncClient, "send", urlopen_fake(urlopen, url=True, entered=True)
    )
    assert await weather.current("Oslo") == 3
    assert calls == ["http://weather.example.com/current?q=Oslo"]


@pytest.mark.asyncio
async def test_unknown(monkeypatch):
    urlopen, _ = fake_urlopen({"http://weather.example.com/current?q=X": (404, {})})
    monkeypatch.setattr(
        httpx.AsyncClient, "send", urlopen_fake(urlopen, url=True, entered=True)
    )
    with pytest.raises(weather.UnknownPlace):
        await weather.current("X")


@pytest.mark.asyncio
async def test_server_down(monkeypatch):
    monkeypatch.setattr(asyncio, "sleep", AsyncMock(side_effect=lambda s: None))
    urlopen, calls = fake_urlopen({"http://weather.example.com/current?q=Y": (503, {})})
    monkeypatch.setattr(
        httpx.AsyncClient, "send", urlopen_fake(urlopen, url=True, entered=True)
    )
    with pytest.raises(httpx.HTTPStatusError):
        await weather.current("Y")
    assert len(calls) == 3
