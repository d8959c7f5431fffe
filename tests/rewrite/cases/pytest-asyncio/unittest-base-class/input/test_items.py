import unittest

import responses

import client

from apitest import ApiTestCase


class TestCase(unittest.TestCase):
    def respond(self, path, payload):
        responses.add(responses.GET, f"https://api.test/{path}", json=payload)


class ItemTest(ApiTestCase):
    @responses.activate
    def test_item(self):
        responses.add(responses.GET, self.url("items/1"), json={"id": 1})
        self.assertItem(self.api.item(1), 1)

    def test_url(self):
        self.assertEqual(self.url("items"), "https://api.test/items")


class HelperTest(TestCase):
    @responses.activate
    def test_item_through_helper(self):
        self.respond("items/2", {"id": 2})
        self.assertEqual(client.Api("https://api.test").item(2), {"id": 2})


class ChildTest(HelperTest):
    @responses.activate
    def test_missing_item(self):
        responses.add(responses.GET, "https://api.test/items/3", status=404)
        with self.assertRaises(Exception):
            client.Api("https://api.test").item(3)
