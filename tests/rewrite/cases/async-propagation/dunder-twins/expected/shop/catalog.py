import httpx

from shop._async_helpers import TLS_CONTEXT, AsyncClientPerLoop, block_on, collect


class Catalog:
    """A remote price list that reads like a dict."""

    def __init__(self, base):
        self.base = base

        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)

    async def names(self):
        return (await self.session.get(f"{self.base}/names", timeout=5)).json()

    async def acontains(self, name):
        return name in await self.names()

    def __contains__(self, name):
        return block_on(self.acontains(name))

    async def alen(self):
        return len(await self.names())

    def __len__(self):
        return block_on(self.alen())

    async def asetitem(self, name, price):
        await self.session.put(
            f"{self.base}/items/{name}", json={"price": price}, timeout=5
        )

    def __setitem__(self, name, price):
        block_on(self.asetitem(name, price))

    async def adelitem(self, name):
        if not await self.acontains(name):
            raise KeyError(name)
        await self.session.delete(f"{self.base}/items/{name}", timeout=5)

    def __delitem__(self, name):
        block_on(self.adelitem(name))

    async def __aiter__(self):
        for name in await self.names():
            yield (await self.session.get(f"{self.base}/items/{name}", timeout=5)).json()

    def __iter__(self):
        return iter(block_on(collect(self.__aiter__())))

    def __bool__(self):
        return bool(self.base)

    async def add(self, name, price):
        if await self.acontains(name):
            return False
        await self.asetitem(name, price)
        return True


class Shelf:
    """The names on a remote shelf, fetched each time they are looked at."""

    def __init__(self, base, path="names"):
        self.url = f"{base}/{path}"

    async def __aiter__(self):
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            for item in (await http_client.get(self.url, timeout=5)).json():
                yield item

    def __iter__(self):
        return iter(block_on(collect(self.__aiter__())))

    async def alen(self):
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            return len((await http_client.get(self.url, timeout=5)).json())

    def __len__(self):
        return block_on(self.alen())


async def label(base, path="names"):
    shelf = Shelf(base, path)
    if not await shelf.alen():
        return "nothing"
    return ", ".join([item async for item in shelf])


def opening(base):
    catalog = Catalog(base)
    return "open" if catalog else "closed"


async def summary(catalog):
    return {"size": await catalog.alen(), "has_tea": await catalog.acontains("tea")}


async def restock(base, names):
    catalog = Catalog(base)
    added = [name for name in names if await catalog.add(name, 1)]
    await catalog.adelitem("jam")
    return added, await catalog.alen()


async def first_price(base):
    async for item in Catalog(base):
        return item["price"]
    return None


async def prices(catalog: Catalog):
    return sorted([item["price"] async for item in catalog])


async def dearest(catalog: Catalog):
    # Not sorted(catalog, key=...): list() and sorted() ask __len__ for a length hint.
    named = await catalog.names()
    return named, max([item async for item in catalog], key=lambda item: item["price"])


def describe(catalog):
    # What catalog is is not known here: the dunders it runs stay, bridging.
    return f"{len(catalog)} items, {len(list(catalog))} listed"
