from unittest import mock

import pytest

from service import Client, Watched


@pytest.mark.asyncio
async def test_server(client, request_mock):
    request_mock.return_value = {"server": {"status": "running"}}
    assert await client.server("web") == {"status": "running"}
    request_mock.assert_called_once_with("GET", "/servers/web")


@pytest.mark.asyncio
async def test_server_missing(client, request_mock):
    request_mock.side_effect = KeyError("server")
    try:
        await client.server("gone")
    except KeyError:
        pass
    else:
        raise AssertionError("no KeyError")


@pytest.mark.asyncio
async def test_assigned_in_the_test():
    client = Client("http://api.example.com")
    client._transport.request = mock.AsyncMock(return_value={"server": 1})
    assert await client.server("db") == 1


class TestWatched:
    @pytest.fixture()
    def watched(self, client):
        return Watched(client, "web")

    @pytest.mark.asyncio
    async def test_status(self, watched, request_mock):
        request_mock.return_value = {"server": {"status": "off"}}
        assert await watched.status() == "off"
