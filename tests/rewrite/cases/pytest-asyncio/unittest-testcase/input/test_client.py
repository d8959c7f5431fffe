import unittest

from client import fetch


class FetchTest(unittest.TestCase):
    def setUp(self):
        self.url = "https://example.com/items/1"
        self.missing = "https://example.com/items/404"

    def test_fetch_returns_the_item(self):
        item = fetch(self.url)
        self.assertEqual(item["id"], 1)

    def test_missing_item_is_an_error_payload(self):
        item = fetch(self.missing)
        self.assertEqual(item, {"error": "not found"})
