import pytest

from shop import report


@pytest.mark.asyncio
async def test_describe(client):
    assert await report.describe(client, 2) == "ink: 3"


@pytest.mark.asyncio
async def test_reprice(client):
    assert await report.reprice(client, 1, 2) == 2
