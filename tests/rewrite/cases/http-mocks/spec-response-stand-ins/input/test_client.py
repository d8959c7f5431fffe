from unittest import mock

import pytest
import requests

import client


def _answer(status, payload):
    response = mock.Mock(spec=requests.Response)
    response.status_code = status
    response.json.return_value = payload
    if status >= 400:
        response.raise_for_status.side_effect = requests.HTTPError(response=response)
    return response


def test_item():
    with mock.patch.object(requests.Session, "get", return_value=_answer(200, {"sku": "a1"})):
        assert client.item("a1") == {"sku": "a1"}


def test_missing_item():
    with mock.patch.object(requests.Session, "get", return_value=_answer(404, {})):
        with pytest.raises(requests.HTTPError):
            client.item("zz")


def test_autospec():
    answer = mock.create_autospec(requests.Response, instance=True)
    answer.status_code = 200
    answer.json.return_value = {"sku": "b2"}
    with mock.patch.object(requests.Session, "get", return_value=answer):
        assert client.item("b2") == {"sku": "b2"}


def test_item_served():
    assert client.item("c3") == {"sku": "c3"}
