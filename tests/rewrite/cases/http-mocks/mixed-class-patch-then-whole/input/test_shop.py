import unittest
from unittest import mock

import requests
import respx
from asgiref.sync import async_to_sync

import prices
import stock
from _async_helpers import through_requests


_httpx_answered_as_requests = respx.mock(assert_all_called=False)
_httpx_answered_as_requests.route().mock(side_effect=through_requests)


def setUpModule():
    """prices sends through httpx now, stock still through requests: this file's
    unittest.mock patches of requests have httpx twins, and respx fails any other
    httpx request before it reaches the network."""
    _httpx_answered_as_requests.start()


def tearDownModule():
    _httpx_answered_as_requests.stop()


def fake_get(url, timeout):
    return mock.MagicMock(**{"json.return_value": {"price": 1, "stock": 2}})


@mock.patch("requests.get")
class ShopTest(unittest.TestCase):
    def setUp(self):
        self.sku = "a"

    def test_both(self, get):
        """The class's mock answers both sides, and counts both."""
        with mock.patch("httpx.AsyncClient.get", side_effect=get):
            get.return_value.json.return_value = {"price": 3, "stock": 9}
            self.assertEqual(stock.stock(self.sku), 9)
            self.assertEqual(async_to_sync(prices.price)(self.sku), 3)
            self.assertEqual(get.call_count, 2)

    @mock.patch("stock.requests.post")
    def test_reserve_at_a_price(self, post, get):
        with mock.patch("httpx.AsyncClient.post", side_effect=post), mock.patch(
            "httpx.AsyncClient.get", side_effect=get
        ):
            get.return_value.json.return_value = {"price": 4}
            post.return_value.status_code = 201
            self.assertEqual(async_to_sync(prices.price)(self.sku), 4)
            self.assertEqual(stock.reserve(self.sku, 2), 201)
            post.assert_called_once()

    def test_neither(self, get):
        with mock.patch("httpx.AsyncClient.get", side_effect=get):
            get.return_value.ok = False
            get.return_value.is_error = True
            self.assertFalse(async_to_sync(prices.listed)(self.sku))
            self.assertFalse(stock.in_stock(self.sku))

    def priced(self, get):
        return get.return_value.json.return_value["price"]


@mock.patch("httpx.AsyncClient.get", mock.AsyncMock(side_effect=fake_get))
@mock.patch("requests.get", fake_get)
class FakeTest(unittest.TestCase):
    def test_sum(self):
        self.assertEqual(async_to_sync(prices.price)("a") + stock.stock("a"), 3)


@mock.patch.object(requests, "get")
class TestPytestStyle:
    def test_both(self, get):
        with mock.patch("httpx.AsyncClient.get", side_effect=get):
            get.return_value.json.return_value = {"price": 5, "stock": 6}
            assert async_to_sync(prices.price)("a") + stock.stock("a") == 11
