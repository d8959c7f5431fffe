import httpx
import pytest
import respx

from lib.client import Client

from ._async_helpers import answers_in_turn, unmatched_connect_error


@pytest.mark.asyncio
@respx.mock
async def test_cursor():
    unmatched_connect_error(respx)
    url = "https://api.example.com/items"
    respx.get(url).mock(
        side_effect=answers_in_turn(
            httpx.Response(200, json={"items": [1, 2], "next": 2}),
            httpx.Response(200, json={"items": [3]}),
        )
    )
    assert await Client().all_items() == [1, 2, 3]



@pytest.mark.asyncio
@respx.mock
async def test_first_items_stops_early():
    unmatched_connect_error(respx)
    url = "https://api.example.com/items"
    respx.get(url).mock(
        side_effect=answers_in_turn(
            httpx.Response(200, json={"items": [1, 2], "next": 2}),
            httpx.Response(200, json={"items": [3]}),
        )
    )
    assert await Client().first_items(2) == [1, 2]
    assert len(respx.calls) == 1
