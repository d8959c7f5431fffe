import time
import unittest

import pytest
from asgiref.sync import async_to_sync

from client import fetch, wait_until_up

BASE = "https://example.com"
SEEN = []


def setup_module():
    assert async_to_sync(wait_until_up)(BASE + "/health")
    SEEN.append(async_to_sync(fetch)(BASE + "/items/1")["name"])


def teardown_module():
    SEEN.clear()


class SharedItemTest(unittest.IsolatedAsyncioTestCase):
    @classmethod
    def setUpClass(cls):
        time.sleep(0.01)
        cls.item = async_to_sync(fetch)(BASE + "/items/1")

    @classmethod
    def tearDownClass(cls):
        SEEN.append(async_to_sync(fetch)(BASE + "/items/2")["name"])

    def test_item_fetched_once_for_the_class(self):
        self.assertEqual(self.item["name"], "first")

    def test_module_setup_ran_first(self):
        self.assertEqual(SEEN[0], "first")

    async def test_fetched_again_alike(self):
        self.assertEqual(await fetch(BASE + "/items/1"), self.item)


class TestEachItem:
    def setup_method(self):
        self.item = async_to_sync(fetch)(BASE + "/items/2")

    def teardown_method(self):
        SEEN.append(self.item["name"])

    @pytest.mark.asyncio
    async def test_item(self):
        assert self.item["name"] == "second"
        assert await fetch(BASE + "/items/2") == self.item
