import json
from http import HTTPStatus

import httpx
import pytest

from _async_helpers import HandMadeResponse, async_client_mock
from client import APIError, Client


def make_response(status: HTTPStatus, payload=None, text=None) -> httpx.Response:
    response = HandMadeResponse(200, request=httpx.Request("GET", ""))
    response.status_code = status.value
    if payload is not None:
        response._content = json.dumps(payload).encode()
    elif text is not None:
        response._content = text.encode()
    return response


@pytest.fixture()
def client():
    client = Client()
    client._session = async_client_mock()
    return client


@pytest.mark.asyncio
async def test_ok(client):
    client._session.request.return_value = make_response(HTTPStatus.OK, {"a": 1})
    assert await client.request("GET", "/x") == {"a": 1}


@pytest.mark.asyncio
async def test_error_with_text(client):
    client._session.request.return_value = make_response(HTTPStatus.BAD_GATEWAY, text="down")
    with pytest.raises(APIError) as error:
        await client.request("GET", "/x")
    assert error.value.content == b"down"


@pytest.mark.asyncio
async def test_error_without_content(client):
    client._session.request.return_value = make_response(HTTPStatus.INTERNAL_SERVER_ERROR)
    with pytest.raises(APIError) as error:
        await client.request("POST", "/x")
    assert error.value.status == 500
    assert error.value.content is None


@pytest.mark.asyncio
async def test_no_content_is_no_json(client):
    client._session.request.return_value = make_response(HTTPStatus.NO_CONTENT)
    assert await client.details("/x") == {"status": 204}


@pytest.mark.asyncio
async def test_real_upstream():
    assert await Client().request("GET", "/items/1") == {"id": 1}
