from unittest import mock

import httpx
import pytest
import respx

import api
from _async_helpers import async_client_mock, unmatched_connect_error
from sessions import make_session


@pytest.fixture
def session():
    return make_session("t")


@pytest.mark.asyncio
@respx.mock
async def test_item():
    unmatched_connect_error(respx)
    respx.get("https://api.example.com/items/1").mock(
        return_value=httpx.Response(200, json={"id": 1})
    )
    assert await api.Catalogue("t").item(1) == {"id": 1}
    assert respx.calls[0].request.headers["Authorization"] == "Bearer t"


@pytest.mark.asyncio
async def test_price_with_the_factory_patched():
    with mock.patch("api.make_session", return_value=async_client_mock()) as make:
        make.return_value.get.return_value.json.return_value = {"amount": 5}
        assert await api.price(1) == 5
    make.assert_called_once_with("public")
    make.return_value.get.assert_called_once_with("https://api.example.com/prices/1")


@pytest.mark.asyncio
@respx.mock
async def test_stock_through_a_fixture_session(session):
    unmatched_connect_error(respx)
    respx.get("https://api.example.com/stock/1").mock(
        return_value=httpx.Response(200, json={"count": 3})
    )
    assert await api.stock(session, 1) == 3
