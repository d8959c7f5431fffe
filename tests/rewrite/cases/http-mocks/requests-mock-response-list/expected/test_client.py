import httpx
import pytest

from client import fetch, send

URL = "https://api.test/items"


@pytest.mark.asyncio
async def test_retry(respx_mock):
    respx_mock.post(URL).mock(
        side_effect=[httpx.Response(503, text="busy"), httpx.Response(201)]
    )
    assert await send(URL, {"a": 1}) == 503
    assert await send(URL, {"a": 1}) == 201
    assert respx_mock.calls.call_count == 2


@pytest.mark.asyncio
async def test_response_list_keyword(respx_mock):
    respx_mock.get(URL).mock(
        side_effect=[
            httpx.Response(200, json=[]),
            httpx.Response(200, json=[1], headers={"ETag": "2"}),
        ],
    )
    assert await fetch(URL) == []
    assert await fetch(URL) == [1]
