import httpx
import pytest
import respx

from _async_helpers import responses_params, unmatched_connect_error
from client import URL, fetch_feed


@pytest.mark.asyncio
@respx.mock
async def test_since_sent_as_query():
    unmatched_connect_error(respx)
    respx.get(URL).mock(
        return_value=httpx.Response(
            200, text="A1\n\nB2\n", headers={"Content-Type": "text/plain"}
        )
    )
    assert await fetch_feed(since="2024-01-01") == ["A1", "B2"]
    assert responses_params(respx.calls[0].request) == {"since": "2024-01-01"}


@pytest.mark.asyncio
@respx.mock
async def test_a_parameter_given_twice_is_a_list():
    unmatched_connect_error(respx)
    respx.get(URL).mock(return_value=httpx.Response(200, text="C3"))
    assert await fetch_feed(since="2024-02-01", tags=["new", "sale"]) == ["C3"]
    assert responses_params(respx.calls[-1].request)["tag"] == ["new", "sale"]
    assert responses_params(respx.calls[-1].request) == {
        "since": "2024-02-01",
        "tag": ["new", "sale"],
    }


@pytest.mark.asyncio
@respx.mock
async def test_no_query_by_default():
    unmatched_connect_error(respx)
    respx.get(URL).mock(return_value=httpx.Response(200, text="D4"))
    assert await fetch_feed() == ["D4"]
    assert responses_params(respx.calls[0].request) == {}


@pytest.mark.asyncio
async def test_recorded_by_a_mock_object():
    with respx.mock() as rsps:
        unmatched_connect_error(rsps)
        rsps.get(URL).mock(return_value=httpx.Response(200, text="E5"))
        assert await fetch_feed(tags=["old"]) == ["E5"]
        assert responses_params(rsps.calls[0].request) == {"tag": "old"}


@pytest.mark.asyncio
@respx.mock
async def test_recorded_requests_kept_in_locals():
    unmatched_connect_error(respx)
    respx.get(URL).mock(return_value=httpx.Response(200, text="F6"))
    assert await fetch_feed(since="2024-03-01") == ["F6"]
    call = respx.calls[0]
    request = call.request
    assert str(request.url).startswith(URL)
    assert "since=2024-03-01" in str(request.url)
    assert responses_params(request) == {"since": "2024-03-01"}
    for each in respx.calls:
        assert str(each.request.url).endswith("since=2024-03-01")
