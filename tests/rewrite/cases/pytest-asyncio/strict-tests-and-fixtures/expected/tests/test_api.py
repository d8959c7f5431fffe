import pytest


@pytest.mark.asyncio
async def test_status(api):
    assert await api.status() == {"ready": True}


@pytest.mark.slow
def test_ready(ready):
    assert ready


def test_sync_only():
    assert 1 + 1 == 2
