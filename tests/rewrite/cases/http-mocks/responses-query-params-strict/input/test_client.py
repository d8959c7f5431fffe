import pytest
import requests
import responses
from responses import matchers

from client import BASE, search


@responses.activate
def test_exactly_these_params():
    responses.get(
        BASE + "/products",
        json={"items": ["A1"]},
        match=[matchers.query_param_matcher({"q": "lamp", "page": 2})],
    )
    assert search("lamp", page=2) == ["A1"]
    with pytest.raises(requests.ConnectionError):
        search("lamp", page=2, debug=1)


@responses.activate
def test_strict_by_name():
    responses.add(
        responses.GET,
        BASE + "/products",
        json={"items": ["B1"]},
        match=[matchers.query_param_matcher(params={"q": "desk", "page": "1"}, strict_match=True)],
    )
    assert search("desk") == ["B1"]
    with pytest.raises(requests.ConnectionError):
        search("desk", sort="price")


@responses.activate
def test_these_params_among_others():
    responses.get(
        BASE + "/products",
        json={"items": ["C1"]},
        match=[matchers.query_param_matcher({"q": "rug"}, strict_match=False)],
    )
    assert search("rug", page=3, debug=1) == ["C1"]
    assert len(responses.calls) == 1
