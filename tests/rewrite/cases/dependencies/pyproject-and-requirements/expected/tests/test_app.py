import httpx
import pytest
import respx

from _async_helpers import unmatched_connect_error
from app import index


@pytest.mark.asyncio
@respx.mock
async def test_index():
    unmatched_connect_error(respx)
    respx.get("https://upstream.test").mock(
        return_value=httpx.Response(200, json={"ok": True})
    )
    assert await index() == {"ok": True}
