from unittest import mock

import pytest

from service import Client, Watched


def test_server(client, request_mock):
    request_mock.return_value = {"server": {"status": "running"}}
    assert client.server("web") == {"status": "running"}
    request_mock.assert_called_once_with("GET", "/servers/web")


def test_server_missing(client, request_mock):
    request_mock.side_effect = KeyError("server")
    try:
        client.server("gone")
    except KeyError:
        pass
    else:
        raise AssertionError("no KeyError")


def test_assigned_in_the_test():
    client = Client("http://api.example.com")
    client._transport.request = mock.MagicMock(return_value={"server": 1})
    assert client.server("db") == 1


class TestWatched:
    @pytest.fixture()
    def watched(self, client):
        return Watched(client, "web")

    def test_status(self, watched, request_mock):
        request_mock.return_value = {"server": {"status": "off"}}
        assert watched.status() == "off"
