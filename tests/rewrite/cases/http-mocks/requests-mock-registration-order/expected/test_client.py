import httpx
import pytest
import respx

from client import status

URL = "https://api.test/items"


@pytest.mark.asyncio
async def test_catch_all_then_specific():
    with respx.mock(assert_all_called=False) as m:
        m.get(URL).mock(return_value=httpx.Response(200))
        m.get().mock(return_value=httpx.Response(500))
        assert await status(URL) == 200
        assert await status(URL + "/other") == 500


@pytest.mark.asyncio
async def test_any_method_then_one():
    with respx.mock(assert_all_called=False) as m:
        m.get(URL).mock(return_value=httpx.Response(200))
        m.route(url=URL).mock(return_value=httpx.Response(405))
        assert await status(URL) == 200
        assert await status(URL, "DELETE") == 405


@pytest.mark.asyncio
async def test_same_route_again_keeps_the_latest_answer(respx_mock):
    respx_mock.get(URL).mock(return_value=httpx.Response(201))
    respx_mock.get(URL).mock(return_value=httpx.Response(203))
    respx_mock.get(URL + "?page=2").mock(return_value=httpx.Response(202))
    assert await status(URL) == 203
    assert await status(URL + "?page=2") == 203


@pytest.mark.asyncio
async def test_query_then_no_query(respx_mock):
    respx_mock.get(URL).mock(return_value=httpx.Response(200))
    respx_mock.get(URL + "?page=2").mock(return_value=httpx.Response(202))
    assert await status(URL + "?page=2") == 200


@pytest.mark.asyncio
async def test_apart_routes_keep_their_order(respx_mock):
    first = respx_mock.get(URL + "/a").mock(return_value=httpx.Response(201))
    respx_mock.get(URL + "/b").mock(return_value=httpx.Response(202))
    respx_mock.post(URL + "/a").mock(return_value=httpx.Response(203))
    assert await status(URL + "/b") == 202
    assert await status(URL + "/a") == 201
    assert await status(URL + "/a", "POST") == 203
    assert first.call_count == 1
