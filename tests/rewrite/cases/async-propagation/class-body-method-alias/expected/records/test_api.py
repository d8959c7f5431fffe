import pytest

from records.api import Api, AuditedApi


@pytest.mark.asyncio
async def test_attach():
    assert await Api("http://records.example.com").attach("i1", "a.txt") == "a1"


@pytest.mark.asyncio
async def test_audited_put():
    made = await AuditedApi("http://records.example.com").put("items", {"title": "t"})
    assert made["id"] == "i1"
