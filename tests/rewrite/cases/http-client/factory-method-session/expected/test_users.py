import httpx
import pytest

from users import Teams, UsersClient, user_name


@pytest.mark.asyncio
async def test_user_name():
    assert await user_name("t0k", 1) == "Ann"


@pytest.mark.asyncio
async def test_missing_user():
    client = UsersClient("t0k")
    with pytest.raises(httpx.HTTPStatusError):
        await client.user(9)
    await client.aclose()


@pytest.mark.asyncio
async def test_members():
    assert await Teams().members("core") == [1, 2]
