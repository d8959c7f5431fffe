"""Listings asked for as an iterator or as a list, by one method."""

from typing import List, Union

from wiki._async_helpers import async_iter
from wiki.listing import Listing
from wiki.site import Site


class Pages:
    def __init__(self, site):
        self.site = site

    async def list(self, iterator=False, action="pages") -> Union[Listing, List[dict]]:
        listing = Listing(self.site, action)
        if iterator:
            return listing
        return [item async for item in listing]


async def titles(pages: Pages):
    found = await pages.list(iterator=True)
    return [item["title"] async for item in async_iter(found)]


async def find(pages: Pages, wanted):
    async for item in async_iter(await pages.list(iterator=True)):
        if item["title"] == wanted:
            return item
    return None


async def everything(iterator):
    pages = Pages(Site())
    return [item async for item in async_iter(await pages.list(iterator=iterator))]


async def first(pages: Pages, action):
    return await anext(async_iter(await pages.list(iterator=True, action=action)), None)


async def all_titles():
    return await titles(Pages(Site()))


async def find_title(wanted):
    return await find(Pages(Site()), wanted)


async def first_item(action):
    return await first(Pages(Site()), action)


async def count(iterator):
    items = await Pages(Site()).list(iterator=iterator)
    if isinstance(items, list):
        return len(items)
    seen = 0
    async for _ in async_iter(items):
        seen += 1
    return seen


async def checked_titles():
    listing = await Pages(Site()).list(iterator=True)
    assert isinstance(listing, Listing)
    return [item["title"] async for item in listing]
