import pytest

from acct.client import Account, rename, upgrade

BASE = "http://acct.example.com"


@pytest.mark.asyncio
async def test_rename():
    assert await rename(BASE, "new") == ("new", ["signup", "login", "logout"])


@pytest.mark.asyncio
async def test_upgrade():
    account = Account(BASE, "old")
    assert await upgrade(account, "pro") == "pro"

