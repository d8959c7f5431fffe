import pytest
import pytest_asyncio
from asgiref.sync import async_to_sync

from client import create, remove


@pytest.fixture
def item(request):
    made = async_to_sync(create)("lamp")
    request.addfinalizer(lambda: async_to_sync(remove)(made["id"]))
    return made


@pytest_asyncio.fixture
async def other(request):
    made = await create("desk")

    async def cleanup():
        await remove(made["id"])

    request.addfinalizer(async_to_sync(cleanup))
    return made


def test_item(item, other):
    assert item["id"] and other["id"]
