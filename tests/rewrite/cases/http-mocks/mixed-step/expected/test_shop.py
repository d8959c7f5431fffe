import pytest
import responses
import respx
from asgiref.sync import async_to_sync

import prices
import stock
from _async_helpers import through_requests


@pytest.fixture(autouse=True)
def httpx_answered_as_requests():
    """prices sends through httpx now, stock still through requests: respx hands
    httpx's requests to this file's requests mocks, which answer and record both as
    before."""
    with respx.mock(assert_all_called=False) as router:
        router.route().mock(side_effect=through_requests)
        yield


@responses.activate
def test_both():
    responses.get("https://prices.example.test/a", json={"price": 3})
    responses.get("https://stock.example.test/a", json={"stock": 9})
    assert async_to_sync(prices.price)("a") == 3
    assert stock.stock("a") == 9
    assert len(responses.calls) == 2
    assert responses.calls[1].request.url == "https://stock.example.test/a"
