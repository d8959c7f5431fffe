import unittest

import httpx
import respx

import client
from _async_helpers import unmatched_connect_error

from apitest import ApiTestCase


class TestCase(unittest.IsolatedAsyncioTestCase):
    def respond(self, path, payload):
        respx.get(f"https://api.test/{path}").mock(
            return_value=httpx.Response(200, json=payload)
        )


class ItemTest(ApiTestCase):
    @respx.mock
    async def test_item(self):
        unmatched_connect_error(respx)
        respx.get(self.url("items/1")).mock(
            return_value=httpx.Response(200, json={"id": 1})
        )
        self.assertItem(await self.api.item(1), 1)

    def test_url(self):
        self.assertEqual(self.url("items"), "https://api.test/items")


class HelperTest(TestCase):
    @respx.mock
    async def test_item_through_helper(self):
        unmatched_connect_error(respx)
        self.respond("items/2", {"id": 2})
        self.assertEqual(await client.Api("https://api.test").item(2), {"id": 2})


class ChildTest(HelperTest):
    @respx.mock
    async def test_missing_item(self):
        unmatched_connect_error(respx)
        respx.get("https://api.test/items/3").mock(return_value=httpx.Response(404))
        with self.assertRaises(Exception):
            await client.Api("https://api.test").item(3)
