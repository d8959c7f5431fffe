import httpx
import pytest
import respx

import api
from _async_helpers import unmatched_connect_error


@pytest.mark.asyncio
async def test_item(respx_mock):
    respx_mock.get("https://api.example.com/items/1").mock(
        return_value=httpx.Response(200, json={"id": 1})
    )
    assert await api.item(1) == {"id": 1}
    assert respx_mock.calls.last.request.headers["Authorization"] == "Bearer secret"


@pytest.mark.asyncio
@respx.mock
async def test_missing_item():
    unmatched_connect_error(respx)
    respx.get("https://api.example.com/items/2").mock(
        return_value=httpx.Response(404, json={})
    )
    with pytest.raises(httpx.HTTPStatusError):
        await api.item(2)
