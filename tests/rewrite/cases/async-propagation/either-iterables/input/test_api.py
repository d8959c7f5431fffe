from wiki.api import Pages, titles
from wiki.listing import Listing
from wiki.site import Site


def test_titles():
    assert titles(Pages(Site())) == ["A", "B", "C"]


def test_listing():
    listing = Pages(Site()).list(iterator=True)
    assert isinstance(listing, Listing)
    assert [item["title"] for item in listing] == ["A", "B", "C"]


def test_either():
    got = Pages(Site()).list(iterator=True)
    assert len(list(got)) == 3
