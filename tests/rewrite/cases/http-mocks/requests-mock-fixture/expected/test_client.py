import httpx
import pytest

from client import fetch, send

URL = "https://api.test/items"


@pytest.fixture
def items(respx_mock):
    respx_mock.get(URL).mock(return_value=httpx.Response(200, json=[{"id": 1}]))
    return respx_mock


@pytest.mark.asyncio
async def test_fetch(respx_mock):
    respx_mock.get(URL).mock(
        return_value=httpx.Response(200, json={"id": 1}, headers={"ETag": "v1"})
    )
    assert await fetch(URL) == {"id": 1}


@pytest.mark.asyncio
async def test_send(respx_mock):
    respx_mock.post(URL).mock(return_value=httpx.Response(201, text="created"))
    respx_mock.put(URL).mock(return_value=httpx.Response(200, content=b"\x00"))
    respx_mock.delete(URL).mock(return_value=httpx.Response(204))
    assert await send(URL, {"a": 1}) == 201


@pytest.mark.asyncio
async def test_fixture_mocks(items):
    assert await fetch(URL) == [{"id": 1}]
