import unittest
from unittest import mock

import httpx
import pytest

import prices
import stock


def fake_get(url, timeout):
    return mock.MagicMock(**{"json.return_value": {"price": 1, "stock": 2}})


@mock.patch("httpx.AsyncClient.get", return_value=mock.MagicMock(is_error=False))
class ShopTest(unittest.IsolatedAsyncioTestCase):
    def setUp(self):
        self.sku = "a"

    async def test_both(self, get):
        """The class's mock answers both sides, and counts both."""
        get.return_value.json.return_value = {"price": 3, "stock": 9}
        self.assertEqual(await stock.stock(self.sku), 9)
        self.assertEqual(await prices.price(self.sku), 3)
        self.assertEqual(get.call_count, 2)

    @mock.patch("httpx.AsyncClient.post", return_value=mock.MagicMock(is_error=False))
    async def test_reserve_at_a_price(self, post, get):
        get.return_value.json.return_value = {"price": 4}
        post.return_value.status_code = 201
        self.assertEqual(await prices.price(self.sku), 4)
        self.assertEqual(await stock.reserve(self.sku, 2), 201)
        post.assert_called_once()

    async def test_neither(self, get):
        get.return_value.is_error = True
        self.assertFalse(await prices.listed(self.sku))
        self.assertFalse(await stock.in_stock(self.sku))

    def priced(self, get):
        return get.return_value.json.return_value["price"]


@mock.patch("httpx.AsyncClient.get", mock.AsyncMock(side_effect=fake_get))
class FakeTest(unittest.IsolatedAsyncioTestCase):
    async def test_sum(self):
        self.assertEqual(await prices.price("a") + await stock.stock("a"), 3)


@mock.patch.object(
    httpx.AsyncClient, "get", return_value=mock.MagicMock(is_error=False)
)
class TestPytestStyle:
    @pytest.mark.asyncio
    async def test_both(self, get):
        get.return_value.json.return_value = {"price": 5, "stock": 6}
        assert await prices.price("a") + await stock.stock("a") == 11
