import unittest

from wiki.page import Page


class TestPage(unittest.IsolatedAsyncioTestCase):
    async def test_links(self):
        page = Page("Celtuce")
        self.assertEqual(await page.links(), ["Lettuce", "Stem", "China"])
        self.assertEqual(sorted(await page.links()), ["China", "Lettuce", "Stem"])

    async def test_summary(self):
        self.assertEqual(
            await Page("Celtuce").summary(), "A lettuce grown for its stem."
        )
