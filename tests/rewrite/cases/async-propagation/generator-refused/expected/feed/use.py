from ._async_helpers import aany
from .pages import counted, numbered, pages, sized, stats


async def has_big_page(url):
    # any() stops at the first big page: the pages after it are never fetched.
    return await aany(len(page) > 1 async for page in pages(url))


async def page_sizes(url):
    return dict([item async for item in numbered(url)])


async def summary(url):
    return (await stats(url))["count"]


def sized_items(url):
    # sized() awaits stats() before it hands back its generator: it stays sync.
    return list(sized(url))


def counted_items(url):
    return list(counted(url))
