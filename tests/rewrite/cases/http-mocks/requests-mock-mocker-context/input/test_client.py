import requests_mock

from client import fetch, send

URL = "https://api.test/items"


def test_fetch():
    with requests_mock.Mocker() as m:
        m.get(URL, json={"id": 1})
        assert fetch(URL) == {"id": 1}
        assert m.called
        assert m.call_count == 1


def test_send():
    with requests_mock.Mocker() as mocker:
        mocker.register_uri("POST", URL, status_code=201, reason="Created")
        assert send(URL, {"a": 1}) == 201
        assert mocker.last_request.json() == {"a": 1}
