import httpx
import pytest

from svc.client import Client, user_name

URL = "https://svc.example.com/v1"


@pytest.mark.asyncio
async def test_user_name():
    assert await user_name(1) == "ann"


@pytest.mark.asyncio
async def test_groups():
    client = Client(URL, token="t0k")
    assert await client.groups.list() == [{"id": 1}]


@pytest.mark.asyncio
async def test_create_user():
    assert await Client(URL).users.create(name="bob") == {"id": 2, "name": "bob"}


@pytest.mark.asyncio
async def test_missing_user():
    with pytest.raises(httpx.HTTPStatusError):
        await Client(URL).users.get(9)
