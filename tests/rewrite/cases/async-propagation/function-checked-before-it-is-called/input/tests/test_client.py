import responses

from lib.client import Client


@responses.activate
def test_cursor():
    url = "https://api.example.com/items"
    responses.add(responses.GET, url, json={"items": [1, 2], "next": 2})
    responses.add(responses.GET, url, json={"items": [3]})
    assert Client().all_items() == [1, 2, 3]



@responses.activate
def test_first_items_stops_early():
    url = "https://api.example.com/items"
    responses.add(responses.GET, url, json={"items": [1, 2], "next": 2})
    responses.add(responses.GET, url, json={"items": [3]})
    assert Client().first_items(2) == [1, 2]
    assert len(responses.calls) == 1
