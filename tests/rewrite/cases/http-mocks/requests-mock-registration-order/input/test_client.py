import requests_mock

from client import status

URL = "https://api.test/items"


def test_catch_all_then_specific():
    with requests_mock.Mocker() as m:
        m.get(requests_mock.ANY, status_code=500)
        m.get(URL, status_code=200)
        assert status(URL) == 200
        assert status(URL + "/other") == 500


def test_any_method_then_one():
    with requests_mock.Mocker() as m:
        m.register_uri(requests_mock.ANY, URL, status_code=405)
        m.get(URL, status_code=200)
        assert status(URL) == 200
        assert status(URL, "DELETE") == 405


def test_same_route_again_keeps_the_latest_answer(requests_mock):
    requests_mock.get(URL, status_code=201)
    requests_mock.get(URL + "?page=2", status_code=202)
    requests_mock.get(URL, status_code=203)
    assert status(URL) == 203
    assert status(URL + "?page=2") == 203


def test_query_then_no_query(requests_mock):
    requests_mock.get(URL + "?page=2", status_code=202)
    requests_mock.get(URL, status_code=200)
    assert status(URL + "?page=2") == 200


def test_apart_routes_keep_their_order(requests_mock):
    first = requests_mock.get(URL + "/a", status_code=201)
    requests_mock.get(URL + "/b", status_code=202)
    requests_mock.post(URL + "/a", status_code=203)
    assert status(URL + "/b") == 202
    assert status(URL + "/a") == 201
    assert status(URL + "/a", "POST") == 203
    assert first.call_count == 1
