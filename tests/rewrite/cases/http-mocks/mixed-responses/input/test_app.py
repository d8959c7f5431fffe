import pytest
import requests
import responses

import api
from legacy import LegacySession

PRICES = "https://prices.example.test"


@responses.activate
def test_both():
    responses.add(responses.GET, f"{PRICES}/a", json={"price": 3})
    responses.get("https://stock.example.test/a", json={"stock": 9})
    assert api.price("a") == 3
    assert LegacySession().stock("a") == 9
    assert len(responses.calls) == 2
    assert responses.calls[0].request.url == f"{PRICES}/a"


@responses.activate
def test_unknown_price():
    with pytest.raises(requests.ConnectionError):
        api.price("b")


@responses.activate
def test_unknown_stock():
    with pytest.raises(requests.ConnectionError):
        LegacySession().stock("b")


@responses.activate
def test_signed_price_matched_by_its_header():
    responses.get(
        f"{PRICES}/a",
        json={"price": 4},
        match=[responses.matchers.header_matcher({"X-Api-Key": "k1"})],
    )
    assert api.signed_price("a", "k1") == 4
    with pytest.raises(requests.ConnectionError):
        api.signed_price("a", "other")
