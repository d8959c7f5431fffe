from unittest import mock

import pytest
import respx
from asgiref.sync import async_to_sync

import prices
import stock
from _async_helpers import through_requests


# TODO(migrate MIG008): patch the httpx calls of prices too
@pytest.fixture(autouse=True)
def httpx_answered_as_requests():
    """prices sends through httpx now, stock still through requests: this file's
    unittest.mock patches catch only requests' calls, so respx fails httpx's
    requests before they reach the network."""
    with respx.mock(assert_all_called=False) as router:
        router.route().mock(side_effect=through_requests)
        yield


@mock.patch("requests.get")
def test_both(get):
    get.return_value.json.return_value = {"price": 3, "stock": 9}
    assert stock.stock("a") == 9
    assert async_to_sync(prices.price)("a") == 3
