"""What callers ask of the wiki: listings taken whole, in part, or one item."""

from wiki.listing import Listing, Titles
from wiki.site import Site


class Reader:
    def __init__(self, site):
        self.site = site

    def titles(self, action="pages"):
        return Titles(self.site, action)

    def first(self, action="pages"):
        titles = self.titles(action)
        try:
            return next(titles)
        except StopIteration:
            return None


def all_titles():
    return [title for title in Titles(Site(), "pages")]


def first_two():
    return list(Listing(Site(), "pages", max_items=2))


def first_title(action):
    return Reader(Site()).first(action)


def count_until(stop):
    seen = 0
    for item in Listing(Site(), "pages"):
        seen += 1
        if item["title"] == stop:
            break
    return seen
