import unittest
from unittest import mock

import respx
from asgiref.sync import async_to_sync

import stock
from _async_helpers import through_requests


# TODO(migrate MIG008): patch the httpx calls of prices too
_httpx_answered_as_requests = respx.mock(assert_all_called=False)
_httpx_answered_as_requests.route().mock(side_effect=through_requests)


def setUpModule():
    """prices sends through httpx now, stock still through requests: this file's
    unittest.mock patches catch only requests' calls, so respx fails httpx's
    requests before they reach the network."""
    _httpx_answered_as_requests.start()


def tearDownModule():
    _httpx_answered_as_requests.stop()


class StockTest(unittest.TestCase):
    def setUp(self):
        patcher = mock.patch("requests.get")
        self.get = patcher.start()
        self.addCleanup(patcher.stop)

    def test_stock(self):
        self.get.return_value.json.return_value = {"stock": 9}
        self.assertEqual(stock.stock("a"), 9)

    def test_price(self):
        import prices

        self.get.return_value.json.return_value = {"price": 3}
        self.assertEqual(async_to_sync(prices.price)("a"), 3)
