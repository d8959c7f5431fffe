import pytest

import api


@pytest.mark.asyncio
@pytest.mark.parametrize("endpoint", [api.status, api.health])
async def test_endpoints_answer(endpoint):
    assert await endpoint() == {"ok": True}


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("name", "read"),
    [("version", api.version), pytest.param("status", api.status, id="status")],
)
async def test_reads(name, read):
    assert await read() is not None, name
