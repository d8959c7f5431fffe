import unittest

from client import Api

BASE = "https://api.test"


class Scenarios:
    scenarios = ()


class ApiTestCase(Scenarios, unittest.IsolatedAsyncioTestCase):
    def setUp(self):
        self.api = Api(BASE)

    def url(self, path):
        return f"{BASE}/{path}"

    def assertItem(self, item, item_id):
        self.assertEqual(item["id"], item_id)
