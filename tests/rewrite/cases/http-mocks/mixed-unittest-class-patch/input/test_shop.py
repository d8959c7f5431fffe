import unittest
from unittest import mock

import requests

import prices
import stock


def fake_get(url, timeout):
    return mock.MagicMock(**{"json.return_value": {"price": 1, "stock": 2}})


@mock.patch("requests.get")
class ShopTest(unittest.TestCase):
    def setUp(self):
        self.sku = "a"

    def test_both(self, get):
        """The class's mock answers both sides, and counts both."""
        get.return_value.json.return_value = {"price": 3, "stock": 9}
        self.assertEqual(stock.stock(self.sku), 9)
        self.assertEqual(prices.price(self.sku), 3)
        self.assertEqual(get.call_count, 2)

    @mock.patch("stock.requests.post")
    def test_reserve_at_a_price(self, post, get):
        get.return_value.json.return_value = {"price": 4}
        post.return_value.status_code = 201
        self.assertEqual(prices.price(self.sku), 4)
        self.assertEqual(stock.reserve(self.sku, 2), 201)
        post.assert_called_once()

    def test_neither(self, get):
        get.return_value.ok = False
        self.assertFalse(prices.listed(self.sku))
        self.assertFalse(stock.in_stock(self.sku))

    def priced(self, get):
        return get.return_value.json.return_value["price"]


@mock.patch("requests.get", fake_get)
class FakeTest(unittest.TestCase):
    def test_sum(self):
        self.assertEqual(prices.price("a") + stock.stock("a"), 3)


@mock.patch.object(requests, "get")
class TestPytestStyle:
    def test_both(self, get):
        get.return_value.json.return_value = {"price": 5, "stock": 6}
        assert prices.price("a") + stock.stock("a") == 11
