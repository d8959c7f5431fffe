"""What callers ask of the wiki."""

from wiki.pages import Image, Page, Thumbnail
from wiki.site import Site


async def page_info(name):
    return (await Site().pages[name]).info


async def image_size(name):
    return await Site().image_size(name)


async def image_history(name):
    return await Site().image_history(name)


async def history(name):
    return await (await Page.create(Site(), name)).history_items()


async def image_usage(name):
    return await (await Image.create(Site(), name)).usage()


async def recent():
    return await Site().recent(limit=3).fetch()


async def thumbnail_width(name, width):
    return (await Thumbnail.create(Site(), name, width)).width
