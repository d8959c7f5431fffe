import httpx
import pytest

import weather


@pytest.mark.asyncio
async def test_known_city(wx):
    assert await weather.temperature("oslo") == 3
    assert wx.calls.call_count == 1
    assert wx.calls.last.request.url == "http://wx.test/current/oslo"


@pytest.mark.asyncio
async def test_unknown_city(wx):
    wx.get("http://wx.test/current/atlantis").mock(return_value=httpx.Response(404))
    assert await weather.temperature("atlantis") is None
    assert wx.calls.called
