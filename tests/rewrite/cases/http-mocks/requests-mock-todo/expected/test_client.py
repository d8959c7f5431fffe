import httpx
import pytest
import requests_mock
import respx

from _async_helpers import requests_mock_answer
from client import fetch

URL = "https://api.test/items"


def answer(request, context):
    context.status_code = 200
    return {"id": request.qs["id"][0]}


@pytest.mark.asyncio
async def test_callbacks(respx_mock):
    respx_mock.get(URL).mock(side_effect=requests_mock_answer(json=answer))
    respx_mock.get(URL + "/2").mock(
        side_effect=requests_mock_answer(text=lambda request, context: "two")
    )
    # TODO(migrate MIG008): requests-mock option additional_matcher not ported
    respx_mock.get(URL + "/3", json={}, additional_matcher=lambda request: True)
    # TODO(migrate MIG008): requests-mock option cookies not ported
    respx_mock.get(URL + "/4", json={}, cookies={"a": "b"})
    assert await fetch(URL + "?id=1") == {"id": "1"}
    # TODO(migrate MIG008): requests-mock request .timeout not ported
    assert respx_mock.calls.last.request.timeout == 5


@pytest.mark.asyncio
async def test_real_http():
    # TODO(migrate MIG008): real_http=True let unmatched requests through;
    #   respx fails them
    with respx.mock(assert_all_called=False) as m:
        m.get(URL).mock(return_value=httpx.Response(200, json={}))
        assert await fetch(URL) == {}
    # TODO(migrate MIG008): requests_mock.NoMockAddress has no respx rewrite here
    assert isinstance(requests_mock.NoMockAddress, type)


@pytest.mark.asyncio
async def test_registered_after_a_request():
    with respx.mock(assert_all_called=False) as m:
        m.get().mock(return_value=httpx.Response(200, json={"any": True}))
        assert await fetch(URL) == {"any": True}
        # TODO(migrate MIG008): respx takes the first matching route,
        #   requests-mock the latest
        m.get(URL).mock(return_value=httpx.Response(200, json={"one": True}))
        assert await fetch(URL) == {"one": True}


@pytest.mark.asyncio
async def test_history_after_block():
    with respx.mock(assert_all_called=False) as m:
        m.get(URL).mock(return_value=httpx.Response(200, json={}))
        assert await fetch(URL) == {}
        m_calls = list(m.calls)
    assert len(m_calls) == 1
    assert m_calls[0].request.url == URL
    assert [r.method for r in [call.request for call in m_calls]] == ["GET"]

