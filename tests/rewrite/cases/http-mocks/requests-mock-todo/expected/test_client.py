import pytest
import requests_mock
import respx

from _async_helpers import through_requests
from client import fetch

URL = "https://api.test/items"


@pytest.fixture(autouse=True)
def httpx_answered_as_requests():
    """client sends through httpx now, but this file's requests mocks stay whole
    (requests-mock's additional_matcher= (line 16); cookies= (line 17);
    real_http=True (line 23) have no respx twin): respx hands httpx's requests to
    them, and they answer and record them as before."""
    with respx.mock(assert_all_called=False) as router:
        router.route().mock(side_effect=through_requests)
        yield


def answer(request, context):
    context.status_code = 200
    return {"id": request.qs["id"][0]}


@pytest.mark.asyncio
async def test_callbacks(requests_mock):
    requests_mock.get(URL, json=answer)
    requests_mock.get(URL + "/2", text=lambda request, context: "two")
    requests_mock.get(URL + "/3", json={}, additional_matcher=lambda request: True)
    requests_mock.get(URL + "/4", json={}, cookies={"a": "b"})
    assert await fetch(URL + "?id=1") == {"id": "1"}
    assert requests_mock.last_request.timeout == 5


@pytest.mark.asyncio
async def test_real_http():
    with requests_mock.Mocker(real_http=True) as m:
        m.get(URL, json={})
        assert await fetch(URL) == {}
    assert isinstance(requests_mock.NoMockAddress, type)


@pytest.mark.asyncio
async def test_registered_after_a_request():
    with requests_mock.Mocker() as m:
        m.get(requests_mock.ANY, json={"any": True})
        assert await fetch(URL) == {"any": True}
        m.get(URL, json={"one": True})
        assert await fetch(URL) == {"one": True}


@pytest.mark.asyncio
async def test_history_after_block():
    with requests_mock.Mocker() as m:
        m.get(URL, json={})
        assert await fetch(URL) == {}
    assert m.call_count == 1
    assert m.request_history[0].url == URL
    assert [r.method for r in m.request_history] == ["GET"]

