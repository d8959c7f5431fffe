import pytest

from client import Client, add_note


@pytest.mark.asyncio
async def test_user():
    assert await Client("t1").user() == {"id": 1, "name": "ada"}


@pytest.mark.asyncio
async def test_note():
    assert await add_note("t1", "hello") == 7
