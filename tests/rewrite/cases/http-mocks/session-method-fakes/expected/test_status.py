from unittest import mock

import httpx
import pytest

from _async_helpers import async_method
from status import Api


class Answer:
    status_code = 204

    def json(self):
        return {"id": 7}


@pytest.mark.asyncio
async def test_status(monkeypatch):
    seen = []

    def fake_get(session, url, **kwargs):
        seen.append((type(session).__name__, url, kwargs["timeout"]))
        return Answer()

    monkeypatch.setattr(httpx.AsyncClient, "get", async_method(fake_get))
    assert await Api("http://svc.test").status("/ping") == 204
    assert seen == [(seen[0][0], "http://svc.test/ping", 5)]


@pytest.mark.asyncio
async def test_status_by_name(monkeypatch):
    monkeypatch.setattr(
        "httpx.AsyncClient.get", async_method(lambda *args, **kwargs: Answer())
    )
    assert await Api("http://svc.test").status("/ping") == 204


@pytest.mark.asyncio
async def test_create_with_patch_object():
    def fake_post(session, url, json, timeout):
        assert json == {"name": "x"}
        return Answer()

    with mock.patch.object(httpx.AsyncClient, "post", async_method(fake_post)):
        assert await Api("http://svc.test").create("/items", {"name": "x"}) == {"id": 7}
