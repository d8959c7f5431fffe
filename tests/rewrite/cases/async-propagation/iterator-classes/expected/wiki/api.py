"""What callers ask of the wiki: listings taken whole, in part, or one item."""

from wiki.listing import Listing, Titles
from wiki.site import Site


class Reader:
    def __init__(self, site):
        self.site = site

    def titles(self, action="pages"):
        return Titles(self.site, action)

    async def first(self, action="pages"):
        titles = self.titles(action)
        try:
            return await anext(titles)
        except StopAsyncIteration:
            return None


async def all_titles():
    return [title async for title in Titles(Site(), "pages")]


async def first_two():
    return [item async for item in Listing(Site(), "pages", max_items=2)]


async def first_title(action):
    return await Reader(Site()).first(action)


async def count_until(stop):
    seen = 0
    async for item in Listing(Site(), "pages"):
        seen += 1
        if item["title"] == stop:
            break
    return seen
