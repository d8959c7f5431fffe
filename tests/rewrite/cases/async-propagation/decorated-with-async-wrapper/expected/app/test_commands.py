import pytest

from app import commands

BASE = "http://api.example.com"


@pytest.mark.asyncio
async def test_show():
    assert await commands.show(BASE + "/me") == "Ada"


@pytest.mark.asyncio
async def test_show_unauthorized():
    assert await commands.show(BASE + "/secret") == "not authorized"


@pytest.mark.asyncio
async def test_version():
    assert await commands.version() == "1.0"

