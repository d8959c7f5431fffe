import json
import unittest

import httpretty
import httpx
import requests
import respx
from asgiref.sync import async_to_sync

from _async_helpers import through_requests
from shelf.api import Shelf


_httpx_answered_as_requests = respx.mock(assert_all_called=False)
_httpx_answered_as_requests.route().mock(side_effect=through_requests)


def setUpModule():
    """shelf.api sends through httpx now, but this file's requests mocks stay whole
    (httpretty fakes blocking sockets, which httpx's async transport never uses):
    respx hands httpx's requests to them, and they answer and record them as
    before."""
    _httpx_answered_as_requests.start()


def tearDownModule():
    _httpx_answered_as_requests.stop()


class ShelfTests(unittest.TestCase):
    @httpretty.activate
    def test_books(self):
        httpretty.register_uri(
            httpretty.GET,
            "https://api.shelf.test/books",
            body=json.dumps([{"title": "Dune"}]),
            content_type="application/json",
        )
        self.assertEqual(async_to_sync(Shelf("t").books)(page=2), [{"title": "Dune"}])
        request = httpretty.last_request()
        self.assertEqual(request.headers["Authorization"], "Bearer t")
        self.assertEqual(request.querystring, {"page": ["2"]})

    @httpretty.activate
    def test_add(self):
        httpretty.register_uri(
            httpretty.POST, "https://api.shelf.test/books", body='{"id": 7}', status=201
        )
        self.assertEqual(async_to_sync(Shelf("t").add)("Emma"), 7)
        self.assertEqual(json.loads(httpretty.last_request().body), {"title": "Emma"})

    @httpretty.activate
    def test_missing(self):
        httpretty.register_uri(httpretty.GET, "https://api.shelf.test/books", status=404)
        with self.assertRaises((requests.HTTPError, httpx.HTTPStatusError)):
            async_to_sync(Shelf("t").books)()

