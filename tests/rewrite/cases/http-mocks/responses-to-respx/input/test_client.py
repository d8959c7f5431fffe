import json
import unittest
import warnings

import requests
import responses
from responses import matchers

from client import create, fetch

URL = "https://api.test/items"


@responses.activate
def test_fetch():
    responses.add(responses.GET, URL, json={"id": 1}, status=200)
    assert fetch(URL) == {"id": 1}
    assert len(responses.calls) == 1
    assert responses.calls[0].request.url == URL


@responses.activate
def test_create_sends_the_item():
    responses.add(responses.POST, URL, status=201)
    assert create(URL, {"name": "pen"}) == 201
    assert json.loads(responses.calls[0].request.body) == {"name": "pen"}


@responses.activate
def test_fetch_warns_nothing():
    responses.add(responses.GET, URL, json={"id": 2})
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert fetch(URL) == {"id": 2}


@responses.activate
def test_retry_sees_both_answers():
    responses.add(responses.GET, URL, body="busy", status=503, content_type="text/plain")
    responses.add(responses.GET, URL, json=[])
    responses.get(URL + "?page=2", json=[], match=[matchers.query_param_matcher({"page": "2"})])
    responses.add(responses.POST, URL, body=requests.ConnectionError("refused"))
    responses.add_callback(responses.PUT, URL, callback=lambda request: (200, {}, "ok"))


@responses.activate
class FetchTest(unittest.TestCase):
    def test_fetch(self):
        responses.add(responses.GET, URL, json={"id": 3})
        self.assertEqual(fetch(URL), {"id": 3})
