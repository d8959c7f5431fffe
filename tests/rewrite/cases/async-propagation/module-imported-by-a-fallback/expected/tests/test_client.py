import httpx
import pytest
import respx

from ._async_helpers import unmatched_connect_error

try:
    from pkg.compat import client as z  # a layout of older releases
except ImportError:
    from pkg import client as z

try:
    from pkg.legacy.client import Client
except ImportError:
    from pkg.client import Client


@pytest.mark.asyncio
@respx.mock
async def test_items():
    unmatched_connect_error(respx)
    respx.get("https://api.example.com/items").mock(
        return_value=httpx.Response(200, json=[1, 2])
    )
    c = z.Client()
    assert await c.items() == [1, 2]


@pytest.mark.asyncio
@respx.mock
async def test_users():
    unmatched_connect_error(respx)
    respx.get("https://api.example.com/users").mock(
        return_value=httpx.Response(200, json=[3])
    )
    assert await Client().users() == [3]


@pytest.mark.asyncio
@respx.mock
async def test_both():
    unmatched_connect_error(respx)
    respx.get("https://api.example.com/items").mock(
        return_value=httpx.Response(200, json=[4])
    )
    assert await Client().items() == await z.Client().items()
