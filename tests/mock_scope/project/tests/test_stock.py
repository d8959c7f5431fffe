import unittest
from unittest import mock

import requests

from shop import stock


class StockTest(unittest.TestCase):
    @mock.patch("shop.stock.requests.get")
    def test_level_reads_the_json(self, get):
        get.return_value.json.return_value = {"level": 7}
        self.assertEqual(stock.level("a1"), 7)
        get.assert_called_once_with(
            "https://stock.example.test/v1/levels", params={"sku": "a1"}, timeout=5
        )

    def test_level_with_a_fake(self):
        def fake_get(url, params, timeout):
            return mock.MagicMock(**{"json.return_value": {"level": len(params["sku"])}})

        with mock.patch("requests.get", fake_get):
            self.assertTrue(stock.reorder_needed("abc"))

    def test_reserve(self):
        with mock.patch.object(requests.Session, "post") as post:
            post.return_value.status_code = 201
            self.assertEqual(stock.reserve("a1", 2), 201)
            self.assertEqual(post.call_args.kwargs["json"], {"a1": 2})
