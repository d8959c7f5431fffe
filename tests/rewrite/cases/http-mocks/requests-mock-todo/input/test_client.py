import requests_mock

from client import fetch

URL = "https://api.test/items"


def answer(request, context):
    context.status_code = 200
    return {"id": request.qs["id"][0]}


def test_callbacks(requests_mock):
    requests_mock.get(URL, json=answer)
    requests_mock.get(URL + "/2", text=lambda request, context: "two")
    requests_mock.get(URL + "/3", json={}, additional_matcher=lambda request: True)
    requests_mock.get(URL + "/4", json={}, cookies={"a": "b"})
    assert fetch(URL + "?id=1") == {"id": "1"}
    assert requests_mock.last_request.timeout == 5


def test_real_http():
    with requests_mock.Mocker(real_http=True) as m:
        m.get(URL, json={})
        assert fetch(URL) == {}
    assert isinstance(requests_mock.NoMockAddress, type)


def test_registered_after_a_request():
    with requests_mock.Mocker() as m:
        m.get(requests_mock.ANY, json={"any": True})
        assert fetch(URL) == {"any": True}
        m.get(URL, json={"one": True})
        assert fetch(URL) == {"one": True}


def test_history_after_block():
    with requests_mock.Mocker() as m:
        m.get(URL, json={})
        assert fetch(URL) == {}
    assert m.call_count == 1
    assert m.request_history[0].url == URL
    assert [r.method for r in m.request_history] == ["GET"]

