import unittest
from unittest import mock
from unittest.mock import patch

import httpx
import pytest

import client


@pytest.mark.asyncio
@mock.patch("httpx.AsyncClient.get", return_value=mock.MagicMock(is_error=False))
async def test_level(get):
    get.return_value.json.return_value = {"level": 7}
    assert await client.level("a1") == 7
    get.assert_called_once_with(f"{client.API}/levels", params={"sku": "a1"}, timeout=5)


@pytest.mark.asyncio
async def test_level_fails():
    with patch("httpx.AsyncClient.get", side_effect=httpx.ConnectError("down")):
        with pytest.raises(
            (
                httpx.NetworkError,
                httpx.ConnectTimeout,
                httpx.WriteTimeout,
                httpx.RemoteProtocolError,
                httpx.ProxyError,
            )
        ):
            await client.level("a1")


@pytest.mark.asyncio
async def test_level_with_a_fake():
    def fake_get(url, params, timeout):
        return mock.MagicMock(**{"json.return_value": {"level": len(params["sku"])}})

    with mock.patch("httpx.AsyncClient.get", new=mock.AsyncMock(side_effect=fake_get)):
        assert await client.level("abc") == 3


class ReserveTest(unittest.IsolatedAsyncioTestCase):
    async def test_reserve(self):
        with mock.patch.object(
            httpx.AsyncClient, "post", return_value=mock.MagicMock(is_error=False)
        ) as post:
            post.return_value.status_code = 201
            self.assertEqual(await client.reserve("a1", 2), 201)
            self.assertEqual(post.call_args.kwargs["json"], {"a1": 2})

    @mock.patch.object(
        httpx.AsyncClient,
        "post",
        return_value=mock.Mock(status_code=409, is_error=True),
    )
    async def test_reserve_conflict(self, post):
        self.assertEqual(await client.reserve("a1", 2), 409)


@pytest.mark.asyncio
async def test_level_new_callable():
    with patch(
        "httpx.AsyncClient.get",
        new_callable=mock.AsyncMock,
        return_value=mock.MagicMock(is_error=False),
    ) as get:
        get.return_value.json.return_value = {"level": 3}
        assert await client.level("b2") == 3
    assert get.call_args.kwargs["params"] == {"sku": "b2"}


@pytest.mark.asyncio
@patch.object(
    httpx.AsyncClient,
    "get",
    new_callable=mock.AsyncMock,
    return_value=mock.MagicMock(is_error=False),
)
async def test_level_new_callable_given_an_answer(get):
    get.return_value.json.return_value = {"level": 4}
    assert await client.level("c3") == 4


@pytest.mark.asyncio
async def test_located_with_a_made_response():
    def fake_get(url, params, timeout):
        made = httpx.Response(200, request=httpx.Request("GET", ""))
        made.status_code = 200
        made.request = httpx.Request("GET", f"{url}?sku={params['sku']}")
        made.extensions["reason_phrase"] = b"Found it"
        return made

    with mock.patch("httpx.AsyncClient.get", new=mock.AsyncMock(side_effect=fake_get)):
        assert await client.located("a1") == (f"{client.API}/locate?sku=a1", "Found it")


def answer(status, payload=None):
    resp = mock.Mock()
    resp.status_code = status
    resp.is_error = status >= 400
    resp.reason_phrase = "OK" if not resp.is_error else "Busy"
    resp.json.return_value = payload
    return resp


@pytest.mark.asyncio
async def test_checked_with_mocks_as_responses():
    with mock.patch(
        "httpx.AsyncClient.get", return_value=mock.MagicMock(is_error=False)
    ) as get:
        get.return_value = answer(200, {"level": 5})
        assert await client.checked("a1") == 5
        get.return_value = answer(503)
        with pytest.raises(RuntimeError, match="503 Busy"):
            await client.checked("a1")
        get.return_value = mock.Mock(
            status_code=404, is_error=True, reason_phrase="Gone"
        )
        with pytest.raises(RuntimeError, match="404 Gone"):
            await client.checked("a1")


@pytest.mark.asyncio
async def test_checked_in_turn():
    with mock.patch(
        "httpx.AsyncClient.get", return_value=mock.MagicMock(is_error=False)
    ) as get:
        level = mock.Mock(is_error=False)
        level.json.return_value = {"level": 2}
        get.side_effect = [
            level,
            mock.Mock(is_error=True, status_code=500, reason_phrase="Down"),
        ]
        assert await client.checked("a1") == 2
        with pytest.raises(RuntimeError, match="500 Down"):
            await client.checked("a1")
