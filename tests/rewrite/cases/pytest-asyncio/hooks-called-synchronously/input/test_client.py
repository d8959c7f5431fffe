import time
import unittest

from client import fetch, wait_until_up

BASE = "https://example.com"
SEEN = []


def setup_module():
    assert wait_until_up(BASE + "/health")
    SEEN.append(fetch(BASE + "/items/1")["name"])


def teardown_module():
    SEEN.clear()


class SharedItemTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        time.sleep(0.01)
        cls.item = fetch(BASE + "/items/1")

    @classmethod
    def tearDownClass(cls):
        SEEN.append(fetch(BASE + "/items/2")["name"])

    def test_item_fetched_once_for_the_class(self):
        self.assertEqual(self.item["name"], "first")

    def test_module_setup_ran_first(self):
        self.assertEqual(SEEN[0], "first")

    def test_fetched_again_alike(self):
        self.assertEqual(fetch(BASE + "/items/1"), self.item)


class TestEachItem:
    def setup_method(self):
        self.item = fetch(BASE + "/items/2")

    def teardown_method(self):
        SEEN.append(self.item["name"])

    def test_item(self):
        assert self.item["name"] == "second"
        assert fetch(BASE + "/items/2") == self.item
