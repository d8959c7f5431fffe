import httpx
import pytest
import requests
import respx
from asgiref.sync import async_to_sync

from _async_helpers import async_method, through_requests
from prices import Prices
from stock import Stock


@pytest.fixture(autouse=True)
def httpx_answered_as_requests():
    """prices sends through httpx now, stock still through requests: this file's
    unittest.mock patches of requests have httpx twins, and respx fails any other
    httpx request before it reaches the network."""
    with respx.mock(assert_all_called=False) as router:
        router.route().mock(side_effect=through_requests)
        yield


class Answer:
    def __init__(self, url):
        self.url = url

    def json(self):
        return {"price": 3, "stock": 9, "url": self.url}


def test_both(monkeypatch):
    seen = []

    def fake_get(session, url, timeout):
        seen.append(url)
        return Answer(url)

    monkeypatch.setattr(requests.Session, "get", fake_get)
    monkeypatch.setattr(httpx.AsyncClient, "get", async_method(fake_get))
    assert Stock().stock("a") == 9
    assert async_to_sync(Prices().price)("a") == 3
    assert seen == ["https://stock.example.test/a", "https://prices.example.test/a"]


def test_by_name(monkeypatch):
    monkeypatch.setattr("requests.Session.get", lambda session, url, **kw: Answer(url))
    monkeypatch.setattr(
        "httpx.AsyncClient.get", async_method(lambda session, url, **kw: Answer(url))
    )
    assert async_to_sync(Prices().price)("b") + Stock().stock("b") == 12
