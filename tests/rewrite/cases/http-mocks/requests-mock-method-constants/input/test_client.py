import requests_mock

from client import create, remove

URL = "https://api.test/items"


def test_create():
    with requests_mock.Mocker() as m:
        m.register_uri(requests_mock.POST, URL, status_code=201)
        assert create(URL, {"a": 1}) == 201
        assert m.last_request.json() == {"a": 1}


def test_remove():
    with requests_mock.Mocker() as m:
        m.register_uri(requests_mock.DELETE, URL + "/1", status_code=204)
        assert remove(URL + "/1") == 204
        assert m.call_count == 1
        assert m.last_request.body is None
