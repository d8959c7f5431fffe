import unittest

from ckan import Client, NotFound


class ActionTest(unittest.TestCase):
    def test_found(self):
        self.assertEqual(Client().action.org_list(), ["a", "b"])

    def test_missing(self):
        client = Client()
        self.assertEqual(client.action.org_list(), ["a", "b"])
        self.assertRaises(
            NotFound,
            client.action.org_show,
            id="missing")
