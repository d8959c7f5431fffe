import pytest

from cloud.report import server_names, status


@pytest.mark.asyncio
async def test_server_names():
    assert await server_names() == ["web"]


@pytest.mark.asyncio
async def test_status():
    assert await status(1) == "up"
