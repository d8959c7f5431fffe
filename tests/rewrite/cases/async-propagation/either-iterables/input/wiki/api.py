"""Listings asked for as an iterator or as a list, by one method."""

from typing import List, Union

from wiki.listing import Listing
from wiki.site import Site


class Pages:
    def __init__(self, site):
        self.site = site

    def list(self, iterator=False, action="pages") -> Union[Listing, List[dict]]:
        listing = Listing(self.site, action)
        if iterator:
            return listing
        return list(listing)


def titles(pages: Pages):
    found = pages.list(iterator=True)
    return [item["title"] for item in found]


def find(pages: Pages, wanted):
    for item in pages.list(iterator=True):
        if item["title"] == wanted:
            return item
    return None


def everything(iterator):
    pages = Pages(Site())
    return list(pages.list(iterator=iterator))


def first(pages: Pages, action):
    return next(iter(pages.list(iterator=True, action=action)), None)


def all_titles():
    return titles(Pages(Site()))


def find_title(wanted):
    return find(Pages(Site()), wanted)


def first_item(action):
    return first(Pages(Site()), action)


def count(iterator):
    items = Pages(Site()).list(iterator=iterator)
    if isinstance(items, list):
        return len(items)
    seen = 0
    for _ in items:
        seen += 1
    return seen


def checked_titles():
    listing = Pages(Site()).list(iterator=True)
    assert isinstance(listing, Listing)
    return [item["title"] for item in listing]
