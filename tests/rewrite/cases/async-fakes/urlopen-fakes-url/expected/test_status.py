import io
import urllib.error
from unittest import mock

import pytest

import status
from _async_helpers import urlopen_fake


class Answer(io.BytesIO):
    status = 200


@pytest.mark.asyncio
async def test_up():
    def answer(url, timeout):
        assert url == "http://svc.test/health" and timeout == 2
        return Answer(b"ok")

    with mock.patch(
        "httpx.AsyncClient.send", urlopen_fake(answer, url=True, entered=True)
    ):
        assert await status.is_up("http://svc.test/health")


@pytest.mark.asyncio
async def test_down(monkeypatch):
    def refuse(url, timeout=None):
        raise urllib.error.URLError("connection refused")

    monkeypatch.setattr(
        "httpx.AsyncClient.send", urlopen_fake(refuse, url=True, entered=True)
    )
    assert not await status.is_up("http://svc.test/health")
