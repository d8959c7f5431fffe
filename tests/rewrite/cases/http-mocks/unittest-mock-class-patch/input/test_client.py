import unittest
from unittest import mock

import requests

import client


def fake_get(url, params, timeout):
    return mock.MagicMock(**{"json.return_value": {"level": len(params["sku"])}})


@mock.patch("client.requests.get")
class LevelTest(unittest.TestCase):
    def setUp(self):
        self.sku = "a1"

    def test_level(self, get):
        """The class's mock answers every test."""
        get.return_value.json.return_value = {"level": 7}
        self.assertEqual(client.level(self.sku), 7)
        get.assert_called_once_with(f"{client.API}/levels", params={"sku": "a1"}, timeout=5)

    def test_level_fails(self, get):
        get.return_value.raise_for_status.side_effect = requests.HTTPError("503")
        with self.assertRaises(requests.HTTPError):
            client.level(self.sku)

    def test_unavailable(self, get):
        get.return_value.ok = False
        get.return_value.reason = "Gone"
        self.assertEqual(client.available(self.sku), "unavailable: Gone")

    def test_available(self, get):
        with mock.patch("requests.get") as answered:
            answered.return_value.ok = 200 < 400
            self.assertEqual(client.available(self.sku), "available")
        get.assert_not_called()

    def expected(self, get):
        return get.return_value.json.return_value["level"]


@mock.patch.object(requests.Session, "post")
class RestockTest(unittest.TestCase):
    @mock.patch("requests.get")
    def test_restock(self, get, post):
        get.return_value.json.return_value = {"level": 1}
        post.return_value.status_code = 201
        self.assertEqual(client.restock("a1"), 201)
        self.assertEqual(post.call_args.kwargs["json"], {"a1": 10})

    @mock.patch("requests.get", fake_get)
    def test_enough(self, post):
        self.assertIsNone(client.restock("abcd"))
        post.assert_not_called()


@mock.patch("requests.get", fake_get)
class FakeTest(unittest.TestCase):
    def test_level_of_the_fake(self):
        self.assertEqual(client.level("abc"), 3)


@mock.patch("requests.get")
class TestLevelPytestStyle:
    def test_level(self, get):
        get.return_value.json.return_value = {"level": 2}
        assert client.level("b2") == 2


class StartedInSetUpTest(unittest.TestCase):
    """A patcher setUp starts and keeps on the test: every test configures its mock."""

    def setUp(self):
        patcher = mock.patch("client.requests.get")
        self.get = patcher.start()
        self.addCleanup(patcher.stop)
        self.get.return_value.status_code = 200
        self.get.return_value.json.return_value = {"level": 4}

    def test_level(self):
        self.assertEqual(client.level("a1"), 4)

    def test_server_error(self):
        self.get.return_value.status_code = 500
        self.get.return_value.raise_for_status.side_effect = requests.HTTPError("500")
        with self.assertRaises(requests.HTTPError):
            client.level("a1")
