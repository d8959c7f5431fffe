import unittest
from unittest import mock

import requests_mock

import api
from legacy import LegacySession


def test_both(requests_mock):
    requests_mock.get("https://prices.example.test/a", json={"price": 3})
    requests_mock.get("https://stock.example.test/a", json={"stock": 9})
    assert api.price("a") == 3
    assert LegacySession().stock("a") == 9
    assert requests_mock.call_count == 2
    assert [r.hostname for r in requests_mock.request_history] == [
        "prices.example.test",
        "stock.example.test",
    ]


class PriceTest(unittest.TestCase):
    @requests_mock.Mocker()
    def test_price(self, m):
        m.get("https://prices.example.test/a", json={"price": 3})
        self.assertEqual(api.price("a"), 3)
        self.assertTrue(m.called_once)


@requests_mock.Mocker()
class BothTest(unittest.TestCase):
    def test_both(self, m):
        m.get("https://prices.example.test/a", json={"price": 3})
        m.get("https://stock.example.test/a", json={"stock": 9})
        self.assertEqual(api.price("a"), 3)
        self.assertEqual(LegacySession().stock("a"), 9)
        self.assertEqual(m.call_count, 2)

    def test_stock(self, m):
        m.get("https://stock.example.test/a", json={"stock": 9})
        self.assertEqual(LegacySession().stock("a"), 9)


@requests_mock.Mocker(kw="mock")
class KeywordTest(unittest.TestCase):
    def test_price(self, **kwargs):
        kwargs["mock"].get("https://prices.example.test/b", json={"price": 4})
        self.assertEqual(api.price("b"), 4)
        self.assertEqual(kwargs["mock"].call_count, 1)

    @mock.patch("legacy.LegacySession.stock", return_value=7)
    def test_stock_patched(self, stock, **kwargs):
        kwargs["mock"].get("https://prices.example.test/c", json={"price": 5})
        self.assertEqual(api.price("c") + LegacySession().stock("c"), 12)
        stock.assert_called_once_with("c")


@requests_mock.Mocker()
class PatchedTest(unittest.TestCase):
    @mock.patch("legacy.LegacySession.stock", return_value=8)
    def test_price_and_stock(self, m, stock):
        m.get("https://prices.example.test/d", json={"price": 6})
        self.assertEqual(api.price("d") + LegacySession().stock("d"), 14)
        self.assertEqual(m.call_count, 1)

    @mock.patch("legacy.LegacySession.stock", return_value=9)
    def test_stock_only(self, m, stock):
        self.assertEqual(LegacySession().stock("e"), 9)
        self.assertFalse(m.called)
