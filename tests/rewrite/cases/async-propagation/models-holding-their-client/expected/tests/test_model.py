import pytest

from wallet.client import Client
from wallet.model import new_api_object


@pytest.mark.asyncio
async def test_delete():
    account = await Client().get_account("a1")
    assert await account.delete() is None


@pytest.mark.asyncio
async def test_addresses():
    account = await Client().get_account("a1")
    assert [a.id for a in (await account.get_addresses()).data] == ["ad9"]


def test_plain_values():
    api_client = lambda x: x
    obj = new_api_object(api_client, {"id": "x", "resource": "address"})
    assert obj["id"] == "x" and obj.api_client is api_client
