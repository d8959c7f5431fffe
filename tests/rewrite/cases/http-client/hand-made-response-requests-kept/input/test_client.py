import json
from http import HTTPStatus
from unittest import mock

import pytest
import requests

from client import Client


def make_response(status: HTTPStatus, payload=None) -> requests.Response:
    response = requests.Response()
    response.status_code = status.value
    response.reason = status.phrase
    if payload is not None:
        response._content = json.dumps(payload).encode()
    return response


@pytest.fixture()
def client():
    client = Client("https://api.example.com")
    client._session = mock.MagicMock()
    return client


def test_ok(client):
    client._session.request.return_value = make_response(HTTPStatus.OK, {"a": 1})
    assert client.request("GET", "/x") == {"a": 1}


def test_fail(client):
    client._session.request.return_value = make_response(HTTPStatus.NOT_FOUND, {})
    with pytest.raises(RuntimeError, match="404 Not Found"):
        client.request("GET", "/x")


def test_timeout(client):
    client._session.request.side_effect = requests.exceptions.Timeout("t")
    with pytest.raises(requests.exceptions.Timeout):
        client.request("GET", "/x")
