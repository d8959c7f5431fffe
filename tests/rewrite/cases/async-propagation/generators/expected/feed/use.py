from .pages import Catalog, items, items_from, pages


async def first(url, n):
    out = []
    async for item in items(url):
        out.append(item)
        if len(out) == n:
            break
    return out


async def everything(url):
    return [item async for item in items(url)]


async def distinct(url):
    return {item async for item in items(url)}


async def ranked(url):
    return sorted([item async for item in items(url)], reverse=True)


async def first_item(url):
    return await anext(items(url))


async def first_item_or(url, default):
    return await anext(items(url), default)


async def page_count(url):
    return sum([1 async for _ in pages(url)])


async def catalog_names(base):
    return [name.upper() async for name in Catalog(base).names()]


async def first_entry(base):
    async for entry in Catalog(base).entries():
        return entry["name"]
    return None


async def first_two(url):
    out = []
    async for item in items_from(url):
        out.append(item)
        if len(out) == 2:
            break
    return out


async def all_names(base):
    return [item async for item in Catalog(base).all_names()]


async def collect(make, url):
    return [item * 10 async for item in make(url)]


async def tenfold(url):
    return await collect(items, url)
