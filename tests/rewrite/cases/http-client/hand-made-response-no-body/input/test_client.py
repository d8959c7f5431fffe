import json
from http import HTTPStatus
from unittest import mock

import pytest
import requests

from client import APIError, Client


def make_response(status: HTTPStatus, payload=None, text=None) -> requests.Response:
    response = requests.Response()
    response.status_code = status.value
    if payload is not None:
        response._content = json.dumps(payload).encode()
    elif text is not None:
        response._content = text.encode()
    return response


@pytest.fixture()
def client():
    client = Client()
    client._session = mock.MagicMock()
    return client


def test_ok(client):
    client._session.request.return_value = make_response(HTTPStatus.OK, {"a": 1})
    assert client.request("GET", "/x") == {"a": 1}


def test_error_with_text(client):
    client._session.request.return_value = make_response(HTTPStatus.BAD_GATEWAY, text="down")
    with pytest.raises(APIError) as error:
        client.request("GET", "/x")
    assert error.value.content == b"down"


def test_error_without_content(client):
    client._session.request.return_value = make_response(HTTPStatus.INTERNAL_SERVER_ERROR)
    with pytest.raises(APIError) as error:
        client.request("POST", "/x")
    assert error.value.status == 500
    assert error.value.content is None


def test_no_content_is_no_json(client):
    client._session.request.return_value = make_response(HTTPStatus.NO_CONTENT)
    assert client.details("/x") == {"status": 204}


def test_real_upstream():
    assert Client().request("GET", "/items/1") == {"id": 1}
