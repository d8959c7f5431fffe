from unittest import mock

import pytest
import respx
from asgiref.sync import async_to_sync

import prices
import stock
from _async_helpers import through_requests


@pytest.fixture(autouse=True)
def httpx_answered_as_requests():
    """prices sends through httpx now, stock still through requests: this file's
    unittest.mock patches of requests have httpx twins, and respx fails any other
    httpx request before it reaches the network."""
    with respx.mock(assert_all_called=False) as router:
        router.route().mock(side_effect=through_requests)
        yield


@mock.patch("requests.get")
def test_both(get):
    with mock.patch("httpx.AsyncClient.get", side_effect=get):
        get.return_value.json.return_value = {"price": 3, "stock": 9}
        assert stock.stock("a") == 9
        assert async_to_sync(prices.price)("a") == 3


def test_a_fake():
    def fake_get(url, timeout):
        return mock.MagicMock(**{"json.return_value": {"price": 1, "stock": 2}})

    with mock.patch("requests.get", fake_get), mock.patch(
        "httpx.AsyncClient.get", mock.AsyncMock(side_effect=fake_get)
    ):
        assert async_to_sync(prices.price)("a") + stock.stock("a") == 3


def test_counted():
    with mock.patch("requests.get") as get, mock.patch(
        "httpx.AsyncClient.get", side_effect=get
    ):
        get.return_value.json.return_value = {"price": 3, "stock": 9}
        assert async_to_sync(prices.price)("a") == 3
        assert stock.stock("a") == 9
        assert get.call_count == 2
