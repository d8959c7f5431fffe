import httpx
import pytest
import respx

import prices
import stock
from _async_helpers import unmatched_connect_error


@pytest.mark.asyncio
@respx.mock
async def test_both():
    unmatched_connect_error(respx)
    respx.get("https://prices.example.test/a").mock(
        return_value=httpx.Response(200, json={"price": 3})
    )
    respx.get("https://stock.example.test/a").mock(
        return_value=httpx.Response(200, json={"stock": 9})
    )
    assert await prices.price("a") == 3
    assert await stock.stock("a") == 9
    assert len(respx.calls) == 2
    assert str(respx.calls[1].request.url) == "https://stock.example.test/a"
