import pytest
import requests

from client import fetch, send

URL = "https://api.test/items"


def test_retry(requests_mock):
    requests_mock.post(URL, [{"status_code": 503, "text": "busy"}, {"status_code": 201}])
    assert send(URL, {"a": 1}) == 503
    assert send(URL, {"a": 1}) == 201
    assert send(URL, {"a": 1}) == 201  # the last answer repeats
    assert requests_mock.call_count == 3


def test_response_list_keyword(requests_mock):
    requests_mock.get(URL, response_list=[{"json": []}, {"json": [1], "headers": {"ETag": "2"}}])
    assert fetch(URL) == []
    assert fetch(URL) == [1]


def test_used_up_list_with_an_error_last(requests_mock):
    requests_mock.get(URL, [{"json": [1]}, {"exc": requests.exceptions.ConnectTimeout}])
    assert fetch(URL) == [1]
    for _ in range(2):
        with pytest.raises(requests.exceptions.ConnectTimeout):
            fetch(URL)


def test_one_answer_in_a_list(requests_mock):
    requests_mock.get(URL, [{"json": [2]}])
    assert fetch(URL) == [2]
    assert fetch(URL) == [2]
