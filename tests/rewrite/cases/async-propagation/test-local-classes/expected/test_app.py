import pytest

from app import Base, DeleteMixin, GetMixin


@pytest.mark.asyncio
async def test_get_mixin():
    class M(GetMixin, Base):
        pass

    mgr = M()
    assert await mgr.get(42) == {"id": 42, "name": "answer"}
    assert mgr.name == "items"


@pytest.mark.asyncio
async def test_both_mixins():
    class M(GetMixin, DeleteMixin, Base):
        pass

    assert await M().delete(42) == 42
