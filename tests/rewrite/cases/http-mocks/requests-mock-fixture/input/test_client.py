import pytest

from client import fetch, send

URL = "https://api.test/items"


@pytest.fixture
def items(requests_mock):
    requests_mock.get(URL, json=[{"id": 1}])
    return requests_mock


def test_fetch(requests_mock):
    requests_mock.get(URL, json={"id": 1}, status_code=200, headers={"ETag": "v1"})
    assert fetch(URL) == {"id": 1}


def test_send(requests_mock):
    requests_mock.post(URL, status_code=201, text="created")
    requests_mock.put(URL, content=b"\x00")
    requests_mock.request("DELETE", URL, status_code=204)
    assert send(URL, {"a": 1}) == 201


def test_fixture_mocks(items):
    assert fetch(URL) == [{"id": 1}]
