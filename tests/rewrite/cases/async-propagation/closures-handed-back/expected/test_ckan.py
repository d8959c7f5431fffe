import unittest

from ckan import Client, NotFound


class ActionTest(unittest.IsolatedAsyncioTestCase):
    async def test_found(self):
        self.assertEqual(await Client().action.org_list(), ["a", "b"])

    async def test_missing(self):
        client = Client()
        self.assertEqual(await client.action.org_list(), ["a", "b"])
        with self.assertRaises(NotFound):
            await client.action.org_show(id="missing")
