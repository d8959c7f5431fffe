"""What callers ask of the wiki."""

from wiki.pages import Image, Page, Thumbnail
from wiki.site import Site


def page_info(name):
    return Site().pages[name].info


def image_size(name):
    return Site().image_size(name)


def image_history(name):
    return Site().image_history(name)


def history(name):
    return Page(Site(), name).history_items()


def image_usage(name):
    return Image(Site(), name).usage()


def recent():
    return Site().recent(limit=3).fetch()


def thumbnail_width(name, width):
    return Thumbnail(Site(), name, width).width
