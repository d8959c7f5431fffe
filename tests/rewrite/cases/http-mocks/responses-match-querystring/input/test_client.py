import pytest
import responses

from client import fetch

URL = "https://api.test/items"

# responses warns that match_querystring is deprecated: the legacy suite says so.
pytestmark = pytest.mark.filterwarnings("ignore:Argument 'match_querystring'")


@responses.activate
def test_each_page_answers_its_own_query():
    for page in (1, 2):
        responses.add(
            responses.GET, f"{URL}?page={page}", json=[page], match_querystring=True
        )
    assert fetch(URL + "?page=2") == [2]
    assert fetch(URL + "?page=1") == [1]
    assert [call.request.url for call in responses.calls] == [
        URL + "?page=2",
        URL + "?page=1",
    ]


@responses.activate
def test_a_query_not_registered_is_not_answered():
    responses.add(responses.GET, URL + "?page=1", json=[1], match_querystring=True)
    responses.add(responses.GET, URL, json=["any"])
    assert fetch(URL + "?page=3") == ["any"]


@responses.activate
def test_the_query_can_be_ignored():
    responses.get("https://api.test/search?q=pen", json=["pen"], match_querystring=False)
    assert fetch("https://api.test/search?q=ink") == ["pen"]
