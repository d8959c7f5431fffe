import httpx
import pytest

from info import search

SERVER = "https://jira.example.com"


@pytest.mark.asyncio
async def test_search_asks_exactly(respx_mock):
    respx_mock.get(SERVER + "/search?q=lamp").mock(
        return_value=httpx.Response(200, json={"hits": 2})
    )
    assert await search(SERVER, "lamp") == {"hits": 2}
    assert respx_mock.calls.call_count == 1
