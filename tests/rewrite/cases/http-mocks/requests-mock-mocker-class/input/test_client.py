import unittest
from unittest import mock

import requests
import requests_mock

import client


@requests_mock.Mocker(kw="mock")
class KeywordTest(unittest.TestCase):
    def setUp(self):
        self.sku = "A1"

    def test_found(self, **kwargs):
        kwargs["mock"].get(f"{client.BASE}/items/A1", json={"sku": "A1"})
        self.assertEqual(client.item(self.sku), {"sku": "A1"})
        self.assertEqual(kwargs["mock"].call_count, 1)

    def test_aliased(self, **kwargs):
        m = kwargs["mock"]
        m.get(f"{client.BASE}/items/A3", json={"sku": "A3"}, headers={"ETag": "e3"})
        self.assertEqual(client.item("A3"), {"sku": "A3"})
        self.assertEqual(m.last_request.method, "GET")

    def test_named(self, mock):
        mock.get(f"{client.BASE}/items/A2", status_code=500)
        with self.assertRaises(requests.HTTPError):
            client.item("A2")
        self.assertEqual(mock.last_request.path, "/items/a2")

    def sku_of(self, name):
        return name.upper()


@requests_mock.Mocker()
class PositionalTest(unittest.TestCase):
    def test_found(self, m):
        m.get(f"{client.BASE}/items/B1", json={"sku": "B1"})
        self.assertEqual(client.item("B1"), {"sku": "B1"})

    @mock.patch("client.audit")
    def test_missing_audited(self, m, audit):
        m.get(f"{client.BASE}/items/B2", status_code=404)
        self.assertIsNone(client.item("B2"))
        audit.assert_called_once_with("missing B2")


class MethodTest(unittest.TestCase):
    @requests_mock.Mocker()
    @mock.patch("client.audit")
    def test_mocker_over_a_patch(self, m, audit):
        m.get(f"{client.BASE}/items/C1", status_code=404)
        self.assertIsNone(client.item("C1"))
        self.assertTrue(m.called)
        audit.assert_called_once_with("missing C1")

    @mock.patch("client.audit")
    @requests_mock.Mocker(kw="mock")
    def test_mocker_under_a_patch(self, audit, **kwargs):
        kwargs["mock"].get(f"{client.BASE}/items/C2", status_code=404)
        self.assertIsNone(client.item("C2"))
        audit.assert_called_once_with("missing C2")


@requests_mock.Mocker(kw="mock")
class TestPytestStyle:
    def test_found(self, **kwargs):
        kwargs["mock"].get(f"{client.BASE}/items/D1", json={"sku": "D1"})
        assert client.item("D1") == {"sku": "D1"}


@requests_mock.Mocker(kw="mock")
def test_function(**kwargs):
    kwargs["mock"].get(f"{client.BASE}/items/E1", json={"sku": "E1"})
    assert client.item("E1") == {"sku": "E1"}
