import unittest

import pytest
import requests

from shop.client import Shop

BASE = "http://shop.example.com"


class ShopTests(unittest.TestCase):
    def setUp(self):
        self.shop = Shop(BASE)

    def test_no_item(self):
        self.assertEqual(self.shop.price("tea"), 3)
        self.assertRaises(ValueError, self.shop.price, "")

    def test_no_item_message(self):
        self.assertEqual(self.shop.price("tea"), 3)
        self.assertRaisesRegex(ValueError, "no item", self.shop.price, item="")

    def test_unknown_item(self):
        self.assertEqual(self.shop.price("tea"), 3)
        self.assertRaises(requests.HTTPError, self.shop.price, "gold")


def test_unknown_item():
    shop = Shop(BASE)
    assert shop.price("tea") == 3
    pytest.raises(requests.HTTPError, shop.price, "gold")
