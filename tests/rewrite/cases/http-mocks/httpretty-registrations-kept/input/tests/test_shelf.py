import json
import unittest

import httpretty
import requests

from shelf.api import Shelf


class ShelfTests(unittest.TestCase):
    @httpretty.activate
    def test_books(self):
        httpretty.register_uri(
            httpretty.GET,
            "https://api.shelf.test/books",
            body=json.dumps([{"title": "Dune"}]),
            content_type="application/json",
        )
        self.assertEqual(Shelf("t").books(page=2), [{"title": "Dune"}])
        request = httpretty.last_request()
        self.assertEqual(request.headers["Authorization"], "Bearer t")
        self.assertEqual(request.querystring, {"page": ["2"]})

    @httpretty.activate
    def test_add(self):
        httpretty.register_uri(
            httpretty.POST, "https://api.shelf.test/books", body='{"id": 7}', status=201
        )
        self.assertEqual(Shelf("t").add("Emma"), 7)
        self.assertEqual(json.loads(httpretty.last_request().body), {"title": "Emma"})

    @httpretty.activate
    def test_missing(self):
        httpretty.register_uri(httpretty.GET, "https://api.shelf.test/books", status=404)
        with self.assertRaises(requests.HTTPError):
            Shelf("t").books()

