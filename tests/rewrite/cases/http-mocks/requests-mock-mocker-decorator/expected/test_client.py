import unittest

import httpx
import respx

from client import fetch

URL = "https://api.test/items"


class FetchTest(unittest.IsolatedAsyncioTestCase):
    @respx.mock
    async def test_fetch(self, respx_mock):
        respx_mock.get(URL).mock(return_value=httpx.Response(200, json={"id": 1}))
        self.assertEqual(await fetch(URL), {"id": 1})
        self.assertEqual(respx_mock.calls.call_count, 1)

    @respx.mock
    async def test_fetch_kw(self, respx_mock):
        respx_mock.get(URL).mock(return_value=httpx.Response(200, json=[]))
        self.assertEqual(await fetch(URL), [])
        self.assertTrue(respx_mock.calls.called)
