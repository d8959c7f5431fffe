import io
import unittest
from unittest import mock

import requests
import responses

from feeds.client import FeedClient, FeedError

BASE = "https://feeds.example.com/v1"


class FeedClientTest(unittest.TestCase):
    def setUp(self):
        self.client = FeedClient(BASE)

    @responses.activate
    def test_entries(self):
        responses.add(responses.GET, BASE + "/entries", json=[{"id": 1}])
        self.assertEqual(self.client.entries(), [{"id": 1}])
        self.assertEqual(len(responses.calls), 1)

    @responses.activate
    def test_remove_missing(self):
        responses.add(responses.DELETE, BASE + "/entries/9", status=404, json={"error": "gone"})
        with self.assertRaises(FeedError):
            self.client.remove(9)

    @responses.activate
    def test_attach_a_text_file(self):
        responses.add(responses.POST, BASE + "/entries/3/files", json={"ok": True})
        self.assertEqual(self.client.attach(3, io.StringIO("notes")), {"ok": True})
        self.assertIn(b'filename="file"', responses.calls[0].request.body)

    def test_transport_error_wrapped(self):
        with mock.patch.object(requests.Session, "get") as get_mock:
            get_mock.side_effect = requests.RequestException("certificate mismatch")
            with self.assertRaises(FeedError):
                self.client.entries()
