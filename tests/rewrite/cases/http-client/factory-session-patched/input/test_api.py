from unittest import mock

import pytest
import responses

import api
from sessions import make_session


@pytest.fixture
def session():
    return make_session("t")


@responses.activate
def test_item():
    responses.add(responses.GET, "https://api.example.com/items/1", json={"id": 1})
    assert api.Catalogue("t").item(1) == {"id": 1}
    assert responses.calls[0].request.headers["Authorization"] == "Bearer t"


def test_price_with_the_factory_patched():
    with mock.patch("api.make_session") as make:
        make.return_value.get.return_value.json.return_value = {"amount": 5}
        assert api.price(1) == 5
    make.assert_called_once_with("public")
    make.return_value.get.assert_called_once_with("https://api.example.com/prices/1")


@responses.activate
def test_stock_through_a_fixture_session(session):
    responses.add(responses.GET, "https://api.example.com/stock/1", json={"count": 3})
    assert api.stock(session, 1) == 3
