import json
from http import HTTPStatus

import httpx
import pytest
import requests

from _async_helpers import HandMadeResponse, async_client_mock
from client import Client


def make_response(status: HTTPStatus, payload=None) -> httpx.Response:
    response = HandMadeResponse(200, request=httpx.Request("GET", ""))
    response.status_code = status.value
    response.extensions["reason_phrase"] = status.phrase.encode()
    if payload is not None:
        response._content = json.dumps(payload).encode()
    return response


@pytest.fixture()
def client():
    client = Client("https://api.example.com")
    client._session = async_client_mock()
    return client


@pytest.mark.asyncio
async def test_ok(client):
    client._session.request.return_value = make_response(HTTPStatus.OK, {"a": 1})
    assert await client.request("GET", "/x") == {"a": 1}


@pytest.mark.asyncio
async def test_fail(client):
    client._session.request.return_value = make_response(HTTPStatus.NOT_FOUND, {})
    with pytest.raises(RuntimeError, match="404 Not Found"):
        await client.request("GET", "/x")


@pytest.mark.asyncio
async def test_timeout(client):
    client._session.request.side_effect = requests.exceptions.Timeout("t")
    with pytest.raises(requests.exceptions.Timeout):
        await client.request("GET", "/x")
