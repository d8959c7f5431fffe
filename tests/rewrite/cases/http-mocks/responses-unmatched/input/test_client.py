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


@responses.activate
def test_nothing_registered_is_down():
    # The code catches the connection error: it stands for the host being down.
    assert Api(BASE).status() == "down"


@responses.activate
def test_a_route_registered_after_an_unmatched_request_answers():
    assert Api(BASE).status() == "down"
    responses.add(responses.GET, BASE + "/ping", json={"ok": True})
    assert Api(BASE).status() == "up"
    assert len(responses.calls) == 2


def test_another_host_registered_is_down():
    with responses.RequestsMock(assert_all_requests_are_fired=False) as rsps:
        rsps.add(responses.GET, "https://elsewhere.test/ping", json={"ok": True})
        assert Api(BASE).status() == "down"


def test_every_registration_used_and_one_unmatched():
    with responses.RequestsMock() as rsps:
        rsps.add(responses.GET, BASE + "/ping", json={"ok": True})
        assert Api(BASE).status() == "up"
        assert Api("https://elsewhere.test").status() == "down"


def test_every_registration_used_and_nothing_unmatched():
    with responses.RequestsMock() as rsps:
        rsps.add(responses.GET, BASE + "/ping", json={"ok": True})
        assert Api(BASE).status() == "up"
