import unittest

from wiki.page import Page


class TestPage(unittest.TestCase):
    def test_links(self):
        page = Page("Celtuce")
        self.assertEqual(page.links, ["Lettuce", "Stem", "China"])
        self.assertEqual(sorted(page.links), ["China", "Lettuce", "Stem"])

    def test_summary(self):
        self.assertEqual(Page("Celtuce").summary, "A lettuce grown for its stem.")
