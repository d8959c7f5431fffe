import pytest
import requests
import responses

import api


def test_item(requests_mock):
    requests_mock.get("https://api.example.com/items/1", json={"id": 1})
    assert api.item(1) == {"id": 1}
    assert requests_mock.last_request.headers["Authorization"] == "Bearer secret"


@responses.activate
def test_missing_item():
    responses.add(responses.GET, "https://api.example.com/items/2", status=404, json={})
    with pytest.raises(requests.HTTPError):
        api.item(2)
