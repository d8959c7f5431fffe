import httpx
import pytest

from _async_helpers import answers_in_turn
from client import fetch, send

URL = "https://api.test/items"


@pytest.mark.asyncio
async def test_retry(respx_mock):
    respx_mock.post(URL).mock(
        side_effect=answers_in_turn(
            httpx.Response(503, text="busy"), httpx.Response(201)
        )
    )
    assert await send(URL, {"a": 1}) == 503
    assert await send(URL, {"a": 1}) == 201
    assert await send(URL, {"a": 1}) == 201  # the last answer repeats
    assert respx_mock.calls.call_count == 3


@pytest.mark.asyncio
async def test_response_list_keyword(respx_mock):
    respx_mock.get(URL).mock(
        side_effect=answers_in_turn(
            httpx.Response(200, json=[]),
            httpx.Response(200, json=[1], headers={"ETag": "2"}),
        )
    )
    assert await fetch(URL) == []
    assert await fetch(URL) == [1]


@pytest.mark.asyncio
async def test_used_up_list_with_an_error_last(respx_mock):
    respx_mock.get(URL).mock(
        side_effect=answers_in_turn(httpx.Response(200, json=[1]), httpx.ConnectTimeout)
    )
    assert await fetch(URL) == [1]
    for _ in range(2):
        with pytest.raises(httpx.ConnectTimeout):
            await fetch(URL)


@pytest.mark.asyncio
async def test_one_answer_in_a_list(respx_mock):
    respx_mock.get(URL).mock(return_value=httpx.Response(200, json=[2]))
    assert await fetch(URL) == [2]
    assert await fetch(URL) == [2]
