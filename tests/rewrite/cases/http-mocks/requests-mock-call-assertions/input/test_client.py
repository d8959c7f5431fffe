import json

from client import fetch, send

URL = "https://api.test/items"


def test_history(requests_mock):
    adapter = requests_mock.post(URL, status_code=201)
    assert send(URL + "?Page=2&q=", {"a": 1}) == 201
    assert adapter.called
    assert adapter.called_once
    assert adapter.call_count == 1
    assert adapter.last_request.json() == {"a": 1}
    assert adapter.last_request.headers["X-Token"] == "t"
    assert requests_mock.last_request.method == "POST"
    assert requests_mock.last_request.url == URL + "?Page=2&q="
    assert requests_mock.last_request.qs == {"page": ["2"], "q": [""]}
    assert requests_mock.last_request.path == "/items"
    assert json.loads(requests_mock.last_request.text) == {"a": 1}
    assert len(requests_mock.request_history) == 1
    assert requests_mock.request_history[0].method == "POST"
    first = requests_mock.request_history[0]
    assert first.hostname == "api.test"
    assert [r.method for r in requests_mock.request_history] == ["POST"]
    for request in adapter.request_history:
        assert request.body
    requests_mock.reset_mock()
