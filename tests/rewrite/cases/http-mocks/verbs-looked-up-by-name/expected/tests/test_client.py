import io
import unittest
from unittest import mock

import httpx
import respx

from feeds.client import FeedClient, FeedError

from ._async_helpers import unmatched_connect_error

BASE = "https://feeds.example.com/v1"


class FeedClientTest(unittest.IsolatedAsyncioTestCase):
    def setUp(self):
        self.client = FeedClient(BASE)

    @respx.mock
    async def test_entries(self):
        unmatched_connect_error(respx)
        respx.get(BASE + "/entries").mock(
            return_value=httpx.Response(200, json=[{"id": 1}])
        )
        self.assertEqual(await self.client.entries(), [{"id": 1}])
        self.assertEqual(len(respx.calls), 1)

    @respx.mock
    async def test_remove_missing(self):
        unmatched_connect_error(respx)
        respx.delete(BASE + "/entries/9").mock(
            return_value=httpx.Response(404, json={"error": "gone"})
        )
        with self.assertRaises(FeedError):
            await self.client.remove(9)

    @respx.mock
    async def test_attach_a_text_file(self):
        unmatched_connect_error(respx)
        respx.post(BASE + "/entries/3/files").mock(
            return_value=httpx.Response(200, json={"ok": True})
        )
        self.assertEqual(
            await self.client.attach(3, io.StringIO("notes")), {"ok": True}
        )
        self.assertIn(b'filename="file"', respx.calls[0].request.content)

    async def test_transport_error_wrapped(self):
        with mock.patch.object(
            httpx.AsyncClient, "get", return_value=mock.MagicMock(is_error=False)
        ) as get_mock:
            get_mock.side_effect = httpx.HTTPError("certificate mismatch")
            with self.assertRaises(FeedError):
                await self.client.entries()
