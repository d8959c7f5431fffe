import requests

from prices import Prices
from stock import Stock


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
    assert Stock().stock("a") == 9
    assert Prices().price("a") == 3
    assert seen == ["https://stock.example.test/a", "https://prices.example.test/a"]


def test_by_name(monkeypatch):
    monkeypatch.setattr("requests.Session.get", lambda session, url, **kw: Answer(url))
    assert Prices().price("b") + Stock().stock("b") == 12
