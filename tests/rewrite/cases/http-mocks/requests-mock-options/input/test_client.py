import unittest

import requests_mock

import client


def test_case_kept():
    with requests_mock.Mocker(case_sensitive=True) as m:
        m.get(f"{client.BASE}/Items/AB1", json={"sku": "AB1"})
        assert client.item("AB1", Colour="Red") == {"sku": "AB1"}
        assert m.last_request.path == "/Items/AB1"
        assert m.last_request.qs == {"Colour": ["Red"]}
        assert m.last_request.query == "Colour=Red"


def test_case_lowered():
    with requests_mock.Mocker(real_http=False) as m:
        m.get(f"{client.BASE}/Items/AB1", json={"sku": "AB1"})
        assert client.item("AB1", Colour="Red") == {"sku": "AB1"}
        assert m.last_request.path == "/items/ab1"
        assert m.last_request.qs == {"colour": ["red"]}


class CaseKeptTest(unittest.TestCase):
    @requests_mock.Mocker(case_sensitive=True)
    def test_item(self, m):
        m.get(f"{client.BASE}/Items/CD3", json={"sku": "CD3"})
        self.assertEqual(client.item("CD3", Size="L"), {"sku": "CD3"})
        self.assertEqual(m.request_history[0].path, "/Items/CD3")
        self.assertEqual(m.request_history[0].qs, {"Size": ["L"]})


def test_reaches_the_upstream():
    assert client.item("EF4") == {"sku": "upstream"}
