from client import fetch, send

URL = "https://api.test/items"


def test_retry(requests_mock):
    requests_mock.post(URL, [{"status_code": 503, "text": "busy"}, {"status_code": 201}])
    assert send(URL, {"a": 1}) == 503
    assert send(URL, {"a": 1}) == 201
    assert requests_mock.call_count == 2


def test_response_list_keyword(requests_mock):
    requests_mock.get(URL, response_list=[{"json": []}, {"json": [1], "headers": {"ETag": "2"}}])
    assert fetch(URL) == []
    assert fetch(URL) == [1]
