import unittest
from unittest import mock

import pytest
import requests

import client


def test_latest_served():
    assert client.latest() == {"id": 9}


@mock.patch("client.requests.post")
def test_send(post):
    assert client.send("hi")
    post.assert_called_once_with("http://hooks.example.com/send", json={"text": "hi"}, timeout=5)


@mock.patch("client.requests.get")
def test_latest(get):
    get.return_value.json.return_value = {"items": [{"id": 1}]}
    assert client.latest() == {"id": 1}


def test_latest_status_given():
    with mock.patch.object(requests, "get") as get:
        get.return_value = mock.Mock(status_code=200)
        get.return_value.json.return_value = {"items": [{"id": 2}]}
        assert client.latest() == {"id": 2}


def test_latest_answer_made_first():
    resp = mock.MagicMock()
    resp.json.return_value = {"items": [{"id": 3}]}
    with mock.patch("requests.get", return_value=resp):
        assert client.latest() == {"id": 3}


@mock.patch("requests.get")
def test_latest_status_set(get):
    resp = mock.Mock()
    resp.status_code = 200
    resp.json.return_value = {"items": [{"id": 4}]}
    get.return_value = resp
    assert client.latest() == {"id": 4}


@mock.patch("requests.get")
def test_checked_calls_raise_for_status(get):
    get.return_value.json.return_value = {"items": [5]}
    assert client.checked() == [5]
    get.return_value.raise_for_status.assert_called_once()


@mock.patch("requests.get")
def test_checked_raises(get):
    get.return_value.status_code = 503
    get.return_value.raise_for_status.side_effect = requests.HTTPError("503")
    with pytest.raises(requests.HTTPError):
        client.checked()


@mock.patch("requests.get")
def test_checked_error_only(get):
    get.return_value.raise_for_status.side_effect = requests.HTTPError("boom")
    with pytest.raises(requests.HTTPError):
        client.checked()


@mock.patch("client.requests.post")
class TestSend(unittest.TestCase):
    def test_send(self, post):
        self.assertTrue(client.send("hello"))
