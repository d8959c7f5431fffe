import unittest

import pytest
import requests
import responses
from requests.exceptions import RequestException

from client import Api

BASE = "https://api.test"


@responses.activate
def test_nothing_registered_fails_to_connect():
    with pytest.raises(requests.exceptions.ConnectionError):
        Api(BASE).ping()


@responses.activate
def test_registered_routes_still_answer():
    responses.add(responses.GET, BASE + "/ping", json={"ok": True})
    assert Api(BASE).ping() == {"ok": True}
    with pytest.raises((ValueError, RequestException)):
        Api("https://elsewhere.test").ping()
    assert Api(BASE).ping() == {"ok": True}


@responses.activate
def test_the_last_answer_repeats():
    responses.add(responses.GET, BASE + "/ping", status=503)
    responses.add(responses.GET, BASE + "/ping", json={"ok": True})
    with pytest.raises(requests.HTTPError):
        Api(BASE).ping()
    assert [Api(BASE).ping() for _ in range(2)] == [{"ok": True}] * 2


class TestApi(unittest.TestCase):
    @responses.activate
    def test_unknown_host(self):
        with self.assertRaises(requests.ConnectionError):
            Api("https://nowhere.test").ping()
