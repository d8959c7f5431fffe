import unittest

import requests_mock

from client import fetch

URL = "https://api.test/items"


class FetchTest(unittest.TestCase):
    @requests_mock.Mocker()
    def test_fetch(self, m):
        m.get(URL, json={"id": 1})
        self.assertEqual(fetch(URL), {"id": 1})
        self.assertEqual(m.call_count, 1)

    @requests_mock.Mocker(kw="mock")
    def test_fetch_kw(self, mock):
        mock.get(URL, json=[])
        self.assertEqual(fetch(URL), [])
        self.assertTrue(mock.called)
