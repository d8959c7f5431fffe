import unittest

import responses

import prices
import stock


def setUpModule():
    """Nothing to set up but the mocks each test makes."""


class ShopTest(unittest.TestCase):
    @responses.activate
    def test_both(self):
        responses.add(responses.GET, "https://prices.example.test/a", json={"price": 3})
        responses.add(responses.GET, "https://stock.example.test/a", json={"stock": 9})
        self.assertEqual(prices.price("a"), 3)
        self.assertEqual(stock.stock("a"), 9)
        self.assertEqual(len(responses.calls), 2)

    @responses.activate
    def test_unmocked_price_fails(self):
        responses.add(responses.GET, "https://stock.example.test/a", json={"stock": 9})
        with self.assertRaises(Exception):
            prices.price("a")
