import unittest

import responses
import respx
from asgiref.sync import async_to_sync

import prices
import stock
from _async_helpers import through_requests


_httpx_answered_as_requests = respx.mock(assert_all_called=False)
_httpx_answered_as_requests.route().mock(side_effect=through_requests)


def tearDownModule():
    _httpx_answered_as_requests.stop()


def setUpModule():
    """Nothing to set up but the mocks each test makes."""
    _httpx_answered_as_requests.start()


class ShopTest(unittest.TestCase):
    @responses.activate
    def test_both(self):
        responses.add(responses.GET, "https://prices.example.test/a", json={"price": 3})
        responses.add(responses.GET, "https://stock.example.test/a", json={"stock": 9})
        self.assertEqual(async_to_sync(prices.price)("a"), 3)
        self.assertEqual(stock.stock("a"), 9)
        self.assertEqual(len(responses.calls), 2)

    @responses.activate
    def test_unmocked_price_fails(self):
        responses.add(responses.GET, "https://stock.example.test/a", json={"stock": 9})
        with self.assertRaises(Exception):
            async_to_sync(prices.price)("a")
