from unittest import mock

import pytest

import prices
import stock


@pytest.mark.asyncio
@mock.patch("httpx.AsyncClient.get", return_value=mock.MagicMock(is_error=False))
async def test_both(get):
    get.return_value.json.return_value = {"price": 3, "stock": 9}
    assert await stock.stock("a") == 9
    assert await prices.price("a") == 3


@pytest.mark.asyncio
async def test_a_fake():
    def fake_get(url, timeout):
        return mock.MagicMock(**{"json.return_value": {"price": 1, "stock": 2}})

    with mock.patch("httpx.AsyncClient.get", mock.AsyncMock(side_effect=fake_get)):
        assert await prices.price("a") + await stock.stock("a") == 3


@pytest.mark.asyncio
async def test_counted():
    with mock.patch(
        "httpx.AsyncClient.get", return_value=mock.MagicMock(is_error=False)
    ) as get:
        get.return_value.json.return_value = {"price": 3, "stock": 9}
        assert await prices.price("a") == 3
        assert await stock.stock("a") == 9
        assert get.call_count == 2
