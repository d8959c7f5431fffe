import unittest
from unittest import mock
from unittest.mock import patch

import pytest
import requests

import client


@mock.patch("client.requests.get")
def test_level(get):
    get.return_value.json.return_value = {"level": 7}
    assert client.level("a1") == 7
    get.assert_called_once_with(f"{client.API}/levels", params={"sku": "a1"}, timeout=5)


def test_level_fails():
    with patch("requests.get", side_effect=requests.ConnectionError("down")):
        with pytest.raises(requests.ConnectionError):
            client.level("a1")


def test_level_with_a_fake():
    def fake_get(url, params, timeout):
        return mock.MagicMock(**{"json.return_value": {"level": len(params["sku"])}})

    with mock.patch("requests.get", new=fake_get):
        assert client.level("abc") == 3


class ReserveTest(unittest.TestCase):
    def test_reserve(self):
        with mock.patch.object(requests.Session, "post") as post:
            post.return_value.status_code = 201
            self.assertEqual(client.reserve("a1", 2), 201)
            self.assertEqual(post.call_args.kwargs["json"], {"a1": 2})

    @mock.patch.object(requests.Session, "post", return_value=mock.Mock(status_code=409))
    def test_reserve_conflict(self, post):
        self.assertEqual(client.reserve("a1", 2), 409)


def test_level_new_callable():
    with patch("client.requests.get", new_callable=mock.MagicMock) as get:
        get.return_value.json.return_value = {"level": 3}
        assert client.level("b2") == 3
    assert get.call_args.kwargs["params"] == {"sku": "b2"}


@patch.object(requests, "get", new_callable=mock.MagicMock, return_value=mock.MagicMock())
def test_level_new_callable_given_an_answer(get):
    get.return_value.json.return_value = {"level": 4}
    assert client.level("c3") == 4


def test_located_with_a_made_response():
    def fake_get(url, params, timeout):
        made = requests.Response()
        made.status_code = 200
        made.url = f"{url}?sku={params['sku']}"
        made.reason = "Found it"
        return made

    with mock.patch("client.requests.get", new=fake_get):
        assert client.located("a1") == (f"{client.API}/locate?sku=a1", "Found it")


def answer(status, payload=None):
    resp = mock.Mock()
    resp.status_code = status
    resp.ok = status < 400
    resp.reason = "OK" if resp.ok else "Busy"
    resp.json.return_value = payload
    return resp


def test_checked_with_mocks_as_responses():
    with mock.patch("client.requests.get") as get:
        get.return_value = answer(200, {"level": 5})
        assert client.checked("a1") == 5
        get.return_value = answer(503)
        with pytest.raises(RuntimeError, match="503 Busy"):
            client.checked("a1")
        get.return_value = mock.Mock(status_code=404, ok=False, reason="Gone")
        with pytest.raises(RuntimeError, match="404 Gone"):
            client.checked("a1")


def test_checked_in_turn():
    with mock.patch("client.requests.get") as get:
        level = mock.Mock(ok=True)
        level.json.return_value = {"level": 2}
        get.side_effect = [level, mock.Mock(ok=False, status_code=500, reason="Down")]
        assert client.checked("a1") == 2
        with pytest.raises(RuntimeError, match="500 Down"):
            client.checked("a1")
