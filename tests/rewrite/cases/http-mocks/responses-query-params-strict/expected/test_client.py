import httpx
import pytest
import respx

from _async_helpers import unmatched_connect_error
from client import BASE, search


@pytest.mark.asyncio
@respx.mock
async def test_exactly_these_params():
    unmatched_connect_error(respx)
    respx.get(BASE + "/products", params__eq={"q": "lamp", "page": 2}).mock(
        return_value=httpx.Response(200, json={"items": ["A1"]})
    )
    assert await search("lamp", page=2) == ["A1"]
    with pytest.raises(
        (
            httpx.NetworkError,
            httpx.ConnectTimeout,
            httpx.WriteTimeout,
            httpx.RemoteProtocolError,
            httpx.ProxyError,
        )
    ):
        await search("lamp", page=2, debug=1)


@pytest.mark.asyncio
@respx.mock
async def test_strict_by_name():
    unmatched_connect_error(respx)
    respx.get(BASE + "/products", params__eq={"q": "desk", "page": "1"}).mock(
        return_value=httpx.Response(200, json={"items": ["B1"]})
    )
    assert await search("desk") == ["B1"]
    with pytest.raises(
        (
            httpx.NetworkError,
            httpx.ConnectTimeout,
            httpx.WriteTimeout,
            httpx.RemoteProtocolError,
            httpx.ProxyError,
        )
    ):
        await search("desk", sort="price")


@pytest.mark.asyncio
@respx.mock
async def test_these_params_among_others():
    unmatched_connect_error(respx)
    respx.get(BASE + "/products", params={"q": "rug"}).mock(
        return_value=httpx.Response(200, json={"items": ["C1"]})
    )
    assert await search("rug", page=3, debug=1) == ["C1"]
    assert len(respx.calls) == 1
