import unittest

from client import fetch


class FetchTest(unittest.IsolatedAsyncioTestCase):
    def setUp(self):
        self.url = "https://example.com/items/1"
        self.missing = "https://example.com/items/404"

    async def test_fetch_returns_the_item(self):
        item = await fetch(self.url)
        self.assertEqual(item["id"], 1)

    async def test_missing_item_is_an_error_payload(self):
        item = await fetch(self.missing)
        self.assertEqual(item, {"error": "not found"})
