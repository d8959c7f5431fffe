import io
import json
import urllib.error
from unittest import mock

import httpx
import pytest

import feeds
from _async_helpers import urlopen_fake


class Answer(io.BytesIO):
    status = 200

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


@pytest.mark.asyncio
async def test_latest(monkeypatch):
    seen = []

    def fake_urlopen(req, timeout=None):
        seen.append((req.full_url, req.get_header("User-agent"), timeout))
        return Answer(json.dumps({"entries": ["first", "second"]}).encode())

    monkeypatch.setattr(
        httpx.AsyncClient, "send", urlopen_fake(fake_urlopen, entered=True)
    )
    assert await feeds.latest("http://feeds.test", "news") == "first"
    assert seen == [("http://feeds.test/feeds/news", "feeds/1.0", 5)]


@pytest.mark.asyncio
async def test_missing_feed(monkeypatch):
    def gone(req, timeout=None):
        raise urllib.error.HTTPError(req.full_url, 404, "Not Found", {}, io.BytesIO(b""))

    monkeypatch.setattr(httpx.AsyncClient, "send", urlopen_fake(gone, entered=True))
    assert await feeds.latest("http://feeds.test", "old") is None


@pytest.mark.asyncio
async def test_server_error_raises(monkeypatch):
    def broken(req, timeout=None):
        raise urllib.error.HTTPError(req.full_url, 500, "Boom", {}, io.BytesIO(b"boom"))

    monkeypatch.setattr(httpx.AsyncClient, "send", urlopen_fake(broken, entered=True))
    with pytest.raises(Exception):
        await feeds.latest("http://feeds.test", "news")


@pytest.mark.asyncio
async def test_post_entry():
    def accept(req):
        assert req.get_method() == "POST"
        assert json.loads(req.data) == {"title": "hello"}
        answer = Answer(b"")
        answer.status = 201
        return answer

    with mock.patch("httpx.AsyncClient.send", new=urlopen_fake(accept, entered=True)):
        assert await feeds.post_entry("http://feeds.test", "news", "hello") == 201
