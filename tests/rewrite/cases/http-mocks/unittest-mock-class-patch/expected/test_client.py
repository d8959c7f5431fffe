import unittest
from unittest import mock

import httpx
import pytest

import client
from _async_helpers import StatusError


def fake_get(url, params, timeout):
    return mock.MagicMock(**{"json.return_value": {"level": len(params["sku"])}})


@mock.patch("httpx.AsyncClient.get", return_value=mock.MagicMock(is_error=False))
class LevelTest(unittest.IsolatedAsyncioTestCase):
    def setUp(self):
        self.sku = "a1"

    async def test_level(self, get):
        """The class's mock answers every test."""
        get.return_value.json.return_value = {"level": 7}
        self.assertEqual(await client.level(self.sku), 7)
        get.assert_called_once_with(f"{client.API}/levels", params={"sku": "a1"}, timeout=5)

    async def test_level_fails(self, get):
        get.return_value.raise_for_status.side_effect = StatusError("503")
        get.return_value.is_error = True
        with self.assertRaises(httpx.HTTPStatusError):
            await client.level(self.sku)

    async def test_unavailable(self, get):
        get.return_value.is_error = True
        get.return_value.reason_phrase = "Gone"
        self.assertEqual(await client.available(self.sku), "unavailable: Gone")

    async def test_available(self, get):
        with mock.patch(
            "httpx.AsyncClient.get", return_value=mock.MagicMock()
        ) as answered:
            answered.return_value.is_error = 200 >= 400
            self.assertEqual(await client.available(self.sku), "available")
        get.assert_not_called()

    def expected(self, get):
        return get.return_value.json.return_value["level"]


@mock.patch.object(
    httpx.AsyncClient, "post", return_value=mock.MagicMock(is_error=False)
)
class RestockTest(unittest.IsolatedAsyncioTestCase):
    @mock.patch("httpx.AsyncClient.get", return_value=mock.MagicMock(is_error=False))
    async def test_restock(self, get, post):
        get.return_value.json.return_value = {"level": 1}
        post.return_value.status_code = 201
        post.return_value.is_error = False
        self.assertEqual(await client.restock("a1"), 201)
        self.assertEqual(post.call_args.kwargs["json"], {"a1": 10})

    @mock.patch("httpx.AsyncClient.get", mock.AsyncMock(side_effect=fake_get))
    async def test_enough(self, post):
        self.assertIsNone(await client.restock("abcd"))
        post.assert_not_called()


@mock.patch("httpx.AsyncClient.get", mock.AsyncMock(side_effect=fake_get))
class FakeTest(unittest.IsolatedAsyncioTestCase):
    async def test_level_of_the_fake(self):
        self.assertEqual(await client.level("abc"), 3)


@mock.patch("httpx.AsyncClient.get", return_value=mock.MagicMock(is_error=False))
class TestLevelPytestStyle:
    @pytest.mark.asyncio
    async def test_level(self, get):
        get.return_value.json.return_value = {"level": 2}
        assert await client.level("b2") == 2


class StartedInSetUpTest(unittest.IsolatedAsyncioTestCase):
    """A patcher setUp starts and keeps on the test: every test configures its mock."""

    def setUp(self):
        patcher = mock.patch(
            "httpx.AsyncClient.get", return_value=mock.MagicMock(is_error=False)
        )
        self.get = patcher.start()
        self.addCleanup(patcher.stop)
        self.get.return_value.status_code = 200
        self.get.return_value.json.return_value = {"level": 4}

    async def test_level(self):
        self.assertEqual(await client.level("a1"), 4)

    async def test_server_error(self):
        self.get.return_value.status_code = 500
        self.get.return_value.is_error = True
        self.get.return_value.raise_for_status.side_effect = StatusError("500")
        with self.assertRaises(httpx.HTTPStatusError):
            await client.level("a1")
