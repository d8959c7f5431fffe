import pytest
from asgiref.sync import async_to_sync


@pytest.mark.asyncio
async def test_status(api):
    assert await api.status() == {"ready": True}


@pytest.mark.slow
def test_ready(ready):
    assert ready


def test_sync_only():
    assert 1 + 1 == 2


@pytest.mark.asyncio
async def test_status_at_start(status_at_start, api):
    assert status_at_start == await api.status()


def test_each_ready(api):
    assert async_to_sync(api.status)()["ready"]
    assert list(map(lambda _: async_to_sync(api.status)()["ready"], range(2))) == [
        True,
        True,
    ]


def test_each_ready_again(api):
    assert async_to_sync(api.status)()["ready"]
    assert list(
        map(lambda each: async_to_sync(each.status)()["ready"], [api, api])
    ) == [True, True]
