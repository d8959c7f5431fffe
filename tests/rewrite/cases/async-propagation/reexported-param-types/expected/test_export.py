import pytest

from scan import Scanner, export_stars


@pytest.mark.asyncio
async def test_export():
    scanner = Scanner("http://gh.example.com")
    assert await export_stars(scanner, "acme", ["a", "bb"]) == {"a": 3, "bb": 5}
