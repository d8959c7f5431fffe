import httpx
import pytest
import respx

from pkg.api import fetch

from ._async_helpers import unmatched_connect_error


@pytest.mark.asyncio
@respx.mock
async def test_fetch():
    unmatched_connect_error(respx)
    respx.get("https://api.example.com/items/a").mock(
        return_value=httpx.Response(200, json={"name": "a"})
    )
    assert await fetch("a") == {"name": "a"}


class TestFetch:
    @pytest.mark.asyncio
    @respx.mock
    async def test_missing(self):
        unmatched_connect_error(respx)
        respx.get("https://api.example.com/items/b").mock(
            return_value=httpx.Response(404)
        )
        try:
            await fetch("b")
        except Exception as error:
            assert "404" in str(error)
        else:
            raise AssertionError("no error")
