import json
from unittest import mock

import httpx
import pytest

import client
from _async_helpers import async_client_mock, async_method


def _response(status, payload):
    response = httpx.Response(200, request=httpx.Request("GET", ""))
    response.status_code = status
    response._content = json.dumps(payload).encode()
    return response


@pytest.mark.asyncio
async def test_send_patched():
    with mock.patch.object(
        httpx.AsyncClient, "send", return_value=_response(201, {})
    ) as send:
        assert await client.reserve("a1", 2) == 201
    assert send.call_count == 1


@pytest.mark.asyncio
async def test_request_patched():
    with mock.patch(
        "httpx.AsyncClient.request", return_value=mock.MagicMock(is_error=False)
    ) as request:
        request.return_value = _response(200, {"level": 3})
        assert await client.StockClient("t").level("a1") == 3


@pytest.mark.asyncio
async def test_get_patched_on_class():
    with mock.patch.object(
        httpx.AsyncClient, "get", return_value=mock.MagicMock(is_error=False)
    ) as get:
        get.return_value = _response(500, {})
        with pytest.raises(httpx.HTTPStatusError):
            await client.StockClient("t").level("a1")


@pytest.mark.asyncio
async def test_instance_patched():
    stock = client.StockClient("t")
    with mock.patch.object(stock.session, "get", return_value=_response(200, {"level": 9})):
        assert await stock.level("a1") == 9


@pytest.mark.asyncio
async def test_instance_assigned():
    stock = client.StockClient("t")
    stock.session.get = mock.AsyncMock(return_value=_response(200, {"level": 4}))
    assert await stock.level("a1") == 4


@pytest.mark.asyncio
async def test_instance_session_replaced():
    stock = client.StockClient("t")
    stock.session = async_client_mock()
    stock.session.get.return_value.json.return_value = {"level": 8}
    assert await stock.level("a1") == 8


@pytest.mark.asyncio
async def test_instance_session_patched():
    stock = client.StockClient("t")
    with mock.patch.object(stock, "session", new_callable=async_client_mock) as session:
        session.get.return_value.json.return_value = {"level": 10}
        assert await stock.level("a1") == 10
    session.get.assert_called_once()


@pytest.mark.asyncio
async def test_made_without_init():
    stock = client.StockClient.__new__(client.StockClient)
    stock.session = async_client_mock()
    stock.session.get.return_value.json.return_value = {"level": 11}
    assert await stock.level("a1") == 11


@pytest.mark.asyncio
async def test_whole_session_patched():
    with mock.patch(
        "client.httpx.AsyncClient", return_value=async_client_mock()
    ) as session_class:
        session_class.return_value.get.return_value = _response(200, {"level": 5})
        assert await client.StockClient("t").level("a1") == 5


@pytest.mark.asyncio
async def test_whole_session_answers_a_mock():
    with mock.patch.object(
        client.httpx, "AsyncClient", return_value=async_client_mock()
    ) as session_class:
        session_class.return_value.get.return_value.json.return_value = {"level": 6}
        assert await client.StockClient("t").level("a1") == 6


@pytest.mark.asyncio
async def test_ping_is_not_patched():
    assert await client.ping()


@pytest.mark.asyncio
@mock.patch("httpx.AsyncClient.send", return_value=mock.MagicMock(is_error=False))
async def test_adapter_send_patched(send):
    send.return_value = _response(200, {"level": 7})
    assert await client.StockClient("t").level("a1") == 7
    assert send.call_args[0][0].url == f"{client.API}/levels?sku=a1"


@pytest.mark.asyncio
async def test_adapter_send_faked(monkeypatch):
    sent = []

    def fake(self, request, **kwargs):
        sent.append(request.method)
        return _response(201, {})

    # TODO(migrate MIG008): the fake gets an httpx.Request (its url an httpx.URL)
    monkeypatch.setattr(httpx.AsyncClient, "send", async_method(fake))
    assert await client.reserve("a1", 2) == 201
    assert sent == ["POST"]


@pytest.mark.asyncio
@mock.patch("httpx.AsyncClient.get", return_value=mock.MagicMock())
async def test_ping_autospecced(get):
    get.return_value.is_error = False
    assert await client.ping()
    get.assert_called_once_with(f"{client.API}/ping", timeout=5)


@pytest.mark.asyncio
@mock.patch.object(
    httpx.AsyncClient, "get", autospec=True, return_value=mock.MagicMock(is_error=False)
)
async def test_level_autospecced(get):
    get.return_value.json.return_value = {"level": 2}
    get.return_value.status_code = 200
    assert await client.StockClient("t").level("a1") == 2
    assert get.call_args.kwargs == {"params": {"sku": "a1"}, "timeout": 5}
