import unittest
from unittest import mock

import httpx
import pytest

import client
from _async_helpers import StatusError


@pytest.mark.asyncio
async def test_latest_served():
    assert await client.latest() == {"id": 9}


@pytest.mark.asyncio
@mock.patch("httpx.AsyncClient.post", return_value=mock.MagicMock(is_error=False))
async def test_send(post):
    assert await client.send("hi")
    post.assert_called_once_with("http://hooks.example.com/send", json={"text": "hi"}, timeout=5)


@pytest.mark.asyncio
@mock.patch("httpx.AsyncClient.get", return_value=mock.MagicMock(is_error=False))
async def test_latest(get):
    get.return_value.json.return_value = {"items": [{"id": 1}]}
    assert await client.latest() == {"id": 1}


@pytest.mark.asyncio
async def test_latest_status_given():
    with mock.patch.object(
        httpx.AsyncClient, "get", return_value=mock.MagicMock(is_error=False)
    ) as get:
        get.return_value = mock.Mock(status_code=200, is_error=False)
        get.return_value.json.return_value = {"items": [{"id": 2}]}
        assert await client.latest() == {"id": 2}


@pytest.mark.asyncio
async def test_latest_answer_made_first():
    resp = mock.MagicMock(is_error=False)
    resp.json.return_value = {"items": [{"id": 3}]}
    with mock.patch("httpx.AsyncClient.get", return_value=resp):
        assert await client.latest() == {"id": 3}


@pytest.mark.asyncio
@mock.patch("httpx.AsyncClient.get", return_value=mock.MagicMock(is_error=False))
async def test_latest_status_set(get):
    resp = mock.Mock(is_error=False)
    resp.status_code = 200
    resp.json.return_value = {"items": [{"id": 4}]}
    get.return_value = resp
    assert await client.latest() == {"id": 4}


@pytest.mark.asyncio
@mock.patch("httpx.AsyncClient.get", return_value=mock.MagicMock(is_error=True))
async def test_checked_calls_raise_for_status(get):
    get.return_value.json.return_value = {"items": [5]}
    assert await client.checked() == [5]
    get.return_value.raise_for_status.assert_called_once()


@pytest.mark.asyncio
@mock.patch("httpx.AsyncClient.get", return_value=mock.MagicMock(is_error=False))
async def test_checked_raises(get):
    get.return_value.status_code = 503
    get.return_value.is_error = True
    get.return_value.raise_for_status.side_effect = StatusError("503")
    with pytest.raises(httpx.HTTPStatusError):
        await client.checked()


@pytest.mark.asyncio
@mock.patch("httpx.AsyncClient.get", return_value=mock.MagicMock(is_error=False))
async def test_checked_error_only(get):
    get.return_value.raise_for_status.side_effect = StatusError("boom")
    get.return_value.is_error = True
    with pytest.raises(httpx.HTTPStatusError):
        await client.checked()


@mock.patch("httpx.AsyncClient.post", return_value=mock.MagicMock(is_error=False))
class TestSend(unittest.IsolatedAsyncioTestCase):
    async def test_send(self, post):
        self.assertTrue(await client.send("hello"))
