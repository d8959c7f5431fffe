import httpx
import pytest

from _async_helpers import async_method
from prices import Prices
from stock import Stock


class Answer:
    def __init__(self, url):
        self.url = url

    def json(self):
        return {"price": 3, "stock": 9, "url": self.url}


@pytest.mark.asyncio
async def test_both(monkeypatch):
    seen = []

    def fake_get(session, url, timeout):
        seen.append(url)
        return Answer(url)

    monkeypatch.setattr(httpx.AsyncClient, "get", async_method(fake_get))
    assert await Stock().stock("a") == 9
    assert await Prices().price("a") == 3
    assert seen == ["https://stock.example.test/a", "https://prices.example.test/a"]


@pytest.mark.asyncio
async def test_by_name(monkeypatch):
    monkeypatch.setattr(
        "httpx.AsyncClient.get", async_method(lambda session, url, **kw: Answer(url))
    )
    assert await Prices().price("b") + await Stock().stock("b") == 12
