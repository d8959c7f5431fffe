import httpx

from ._async_helpers import TLS_CONTEXT

PRELOADED = ("summary", "links")


class Page:
    @classmethod
    async def create(cls, base, title, preload=False):
        """Make a Page, awaiting what its constructor did."""
        self = cls.__new__(cls)
        await self._async_init(base, title, preload)
        return self

    async def _async_init(self, base, title, preload=False):
        self.base = base
        self.title = title
        self._summary = None
        self._links = None
        if preload:
            for prop in ["summary", "links"]:
                await getattr(self, prop)()

    async def summary(self):
        if self._summary is None:
            url = f"{self.base}/summary/{self.title}"
            async with httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            ) as http_client:
                self._summary = (await http_client.get(url, timeout=5)).json()["text"]
        return self._summary

    async def links(self):
        if self._links is None:
            url = f"{self.base}/links/{self.title}"
            async with httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            ) as http_client:
                self._links = (await http_client.get(url, timeout=5)).json()["links"]
        return self._links

    async def snapshot(self):
        return {name: await getattr(self, name)() for name in PRELOADED}

    async def headline(self):
        return (await self.summary()).upper()


def loaded(page):
    """What a page has fetched so far."""
    return page._summary, page._links


def title_of(thing):
    return getattr(thing, "title", None)


async def preloaded(base, title):
    return loaded(await Page.create(base, title, preload=True))


async def lazy(base, title):
    return loaded(await Page.create(base, title))


async def snapshot(base, title):
    return await (await Page.create(base, title)).snapshot()


async def headline(base, title):
    return await (await Page.create(base, title)).headline()


async def title(base, name):
    return title_of(await Page.create(base, name))
