import httpx
import pytest
import respx

from app import index


@pytest.mark.asyncio
@respx.mock
async def test_index():
    respx.get("https://upstream.test").mock(
        return_value=httpx.Response(200, json={"ok": True})
    )
    assert await index() == {"ok": True}
