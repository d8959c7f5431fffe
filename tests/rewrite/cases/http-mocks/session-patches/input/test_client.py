import json
from unittest import mock

import pytest
import requests

import client


def _response(status, payload):
    response = requests.Response()
    response.status_code = status
    response._content = json.dumps(payload).encode()
    return response


def test_send_patched():
    with mock.patch.object(requests.Session, "send", return_value=_response(201, {})) as send:
        assert client.reserve("a1", 2) == 201
    assert send.call_count == 1


def test_request_patched():
    with mock.patch("requests.Session.request") as request:
        request.return_value = _response(200, {"level": 3})
        assert client.StockClient("t").level("a1") == 3


def test_get_patched_on_class():
    with mock.patch.object(requests.Session, "get") as get:
        get.return_value = _response(500, {})
        with pytest.raises(requests.HTTPError):
            client.StockClient("t").level("a1")


def test_instance_patched():
    stock = client.StockClient("t")
    with mock.patch.object(stock.session, "get", return_value=_response(200, {"level": 9})):
        assert stock.level("a1") == 9


def test_instance_assigned():
    stock = client.StockClient("t")
    stock.session.get = mock.Mock(return_value=_response(200, {"level": 4}))
    assert stock.level("a1") == 4


def test_instance_session_replaced():
    stock = client.StockClient("t")
    stock.session = mock.MagicMock()
    stock.session.get.return_value.json.return_value = {"level": 8}
    assert stock.level("a1") == 8


def test_instance_session_patched():
    stock = client.StockClient("t")
    with mock.patch.object(stock, "session") as session:
        session.get.return_value.json.return_value = {"level": 10}
        assert stock.level("a1") == 10
    session.get.assert_called_once()


def test_made_without_init():
    stock = client.StockClient.__new__(client.StockClient)
    stock.session = mock.MagicMock()
    stock.session.get.return_value.json.return_value = {"level": 11}
    assert stock.level("a1") == 11


def test_whole_session_patched():
    with mock.patch("client.requests.Session") as session_class:
        session_class.return_value.get.return_value = _response(200, {"level": 5})
        assert client.StockClient("t").level("a1") == 5


def test_whole_session_answers_a_mock():
    with mock.patch.object(client.requests, "Session") as session_class:
        session_class.return_value.get.return_value.json.return_value = {"level": 6}
        assert client.StockClient("t").level("a1") == 6


def test_ping_is_not_patched():
    assert client.ping()


@mock.patch("requests.adapters.HTTPAdapter.send")
def test_adapter_send_patched(send):
    send.return_value = _response(200, {"level": 7})
    assert client.StockClient("t").level("a1") == 7
    assert send.call_args[0][0].url == f"{client.API}/levels?sku=a1"


def test_adapter_send_faked(monkeypatch):
    sent = []

    def fake(self, request, **kwargs):
        sent.append(request.method)
        return _response(201, {})

    monkeypatch.setattr(requests.adapters.HTTPAdapter, "send", fake)
    assert client.reserve("a1", 2) == 201
    assert sent == ["POST"]


@mock.patch("client.requests.get", autospec=True)
def test_ping_autospecced(get):
    get.return_value.ok = True
    assert client.ping()
    get.assert_called_once_with(f"{client.API}/ping", timeout=5)


@mock.patch.object(requests.Session, "get", autospec=True)
def test_level_autospecced(get):
    get.return_value.json.return_value = {"level": 2}
    get.return_value.status_code = 200
    assert client.StockClient("t").level("a1") == 2
    assert get.call_args.kwargs == {"params": {"sku": "a1"}, "timeout": 5}
