import unittest
from unittest import mock

import stock


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
        self.assertEqual(prices.price("a"), 3)
