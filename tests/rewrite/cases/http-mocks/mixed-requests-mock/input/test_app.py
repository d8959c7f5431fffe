import unittest

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
