import pytest

from app import rename, send


@pytest.mark.asyncio
async def test_rename():
    assert await rename("renamed") == {"id": 1, "name": "renamed"}
    assert (await rename("posted", use_post=True))["name"] == "posted"


@pytest.mark.asyncio
async def test_send():
    assert await send("/projects/1", {"name": "renamed"}) == {
        "id": 1,
        "name": "renamed",
    }
    assert await send("/local", {"a": 1}, remote=False) == {"path": "/local", "a": 1}
