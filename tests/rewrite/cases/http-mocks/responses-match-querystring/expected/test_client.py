import httpx
import pytest
import respx

from _async_helpers import unmatched_connect_error
from client import fetch

URL = "https://api.test/items"

# responses warns that match_querystring is deprecated: the legacy suite says so.
pytestmark = pytest.mark.filterwarnings("ignore:Argument 'match_querystring'")


@pytest.mark.asyncio
@respx.mock
async def test_each_page_answers_its_own_query():
    unmatched_connect_error(respx)
    for page in (1, 2):
        respx.get(f"{URL}?page={page}").mock(
            return_value=httpx.Response(200, json=[page])
        )
    assert await fetch(URL + "?page=2") == [2]
    assert await fetch(URL + "?page=1") == [1]
    assert [call.request.url for call in respx.calls] == [
        URL + "?page=2",
        URL + "?page=1",
    ]


@pytest.mark.asyncio
@respx.mock
async def test_a_query_not_registered_is_not_answered():
    unmatched_connect_error(respx)
    respx.get(URL + "?page=1").mock(return_value=httpx.Response(200, json=[1]))
    respx.get(URL).mock(return_value=httpx.Response(200, json=["any"]))
    assert await fetch(URL + "?page=3") == ["any"]


@pytest.mark.asyncio
@respx.mock
async def test_the_query_can_be_ignored():
    unmatched_connect_error(respx)
    respx.get("https://api.test/search").mock(
        return_value=httpx.Response(200, json=["pen"])
    )
    assert await fetch("https://api.test/search?q=ink") == ["pen"]
