import unittest
from unittest import mock

import pytest

from shop.models import Basket, Shop, price
from shop.requester import Requester


class FakeResponse:
    def __init__(self, data):
        self.data = data

    def json(self):
        return self.data


class FakeRequester:
    def __init__(self):
        self.paths = []

    def get_url(self, path):
        self.paths.append(path)
        return FakeResponse({"price": len(path)})


def test_price_asks_for_the_item():
    fake = FakeRequester()
    assert price(fake, "tea") == len("/prices/tea")
    assert fake.paths == ["/prices/tea"]


def test_title_of_an_item():
    assert Shop("http://shop.example.com").item("tea").title() == "Green tea"


def test_price_through_a_mocked_method():
    class Settings:
        requester = Requester("http://shop.example.com")

    Settings.requester.get_url = mock.MagicMock(return_value=FakeResponse({"price": 7}))
    assert price(Settings.requester, "tea") == 7
    Settings.requester.get_url.assert_called_once_with("/prices/tea")


def test_title_with_the_method_faked_on_the_class(monkeypatch):
    monkeypatch.setattr(Requester, "get_url", lambda self, path: FakeResponse({"title": path}))
    assert Shop("http://shop.example.com").item("tea").title() == "/items/tea"


def test_price_with_the_method_faked_on_the_instance(monkeypatch):
    requester = Requester("http://shop.example.com")
    monkeypatch.setattr(requester, "get_url", lambda path: FakeResponse({"price": 1}))
    assert price(requester, "tea") == 1


class TestPriceWithAFakeOfTheClassBody(unittest.TestCase):
    def fake_get_url(self, path):
        return FakeResponse({"price": 2})

    @mock.patch.object(Requester, "get_url", fake_get_url)
    def test_price(self):
        self.assertEqual(price(Requester("http://shop.example.com"), "tea"), 2)


@pytest.fixture
def shop():
    made = mock.MagicMock()
    made.requester.get_url.return_value = FakeResponse({"price": 4})
    return made


def test_cost_through_a_mocked_shop(shop):
    assert Basket(shop).cost(["tea", "cake"]) == 8
    assert shop.requester.get_url.call_count == 2
