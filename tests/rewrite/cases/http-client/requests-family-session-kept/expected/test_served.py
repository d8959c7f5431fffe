import pytest

from client import Client


@pytest.mark.asyncio
async def test_get():
    assert await Client().get("/users/1") == {"id": 1}
