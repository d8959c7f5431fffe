import unittest

from client import fetch


class FetchTest(unittest.TestCase):
    def setUp(self):
        self.url = "https://example.com/items/1"

    def test_fetch_returns_the_item(self):
        item = fetch(self.url)
        self.assertEqual(item["id"], 1)

    def test_url_is_https(self):
        self.assertTrue(self.url.startswith("https://"))
