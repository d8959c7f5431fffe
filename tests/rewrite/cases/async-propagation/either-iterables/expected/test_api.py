import pytest

from _async_helpers import async_iter
from wiki.api import Pages, titles
from wiki.listing import Listing
from wiki.site import Site


@pytest.mark.asyncio
async def test_titles():
    assert await titles(Pages(Site())) == ["A", "B", "C"]


@pytest.mark.asyncio
async def test_listing():
    listing = await Pages(Site()).list(iterator=True)
    assert isinstance(listing, Listing)
    assert [item["title"] async for item in listing] == ["A", "B", "C"]


@pytest.mark.asyncio
async def test_either():
    got = await Pages(Site()).list(iterator=True)
    assert len([item async for item in async_iter(got)]) == 3
