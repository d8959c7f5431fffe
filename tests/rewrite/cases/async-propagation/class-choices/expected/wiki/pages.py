"""Pages whose constructor fetches, made by a class picked from a dict."""

from wiki.site import Site


class Page:
    @classmethod
    async def create(cls, *args, **kwargs):
        """Make a Page, awaiting what its constructor did."""
        self = cls.__new__(cls)
        await self._async_init(*args, **kwargs)
        return self

    async def _async_init(self, site, name, info=None):
        self.site = site
        self.name = name
        if info is None:
            info = await site.get("page", title=name)
        self.info = info

    async def text(self):
        return (await self.site.get("text", title=self.name))["text"]


class Image(Page):
    async def _async_init(self, site, name, info=None):
        await super()._async_init(site, name, info)
        self.url = self.info["url"]


class Category(Page):
    async def members(self):
        return (await self.site.get("members", title=self.name))["members"]


async def page(site, name):
    kind = name.partition(":")[0]
    cls = {"File": Image, "Category": Category}.get(kind, Page)
    return await cls.create(site, name)


async def strict_page(site, name):
    cls = {"File": Image, "Category": Category}[name.partition(":")[0]]
    return await cls.create(site, name, info={"url": None})


async def titled(site, name, image):
    make = Image if image else Page
    return (await make.create(site, name)).name


async def page_info(name):
    return (await page(Site(), name)).info


async def text_of(name):
    return await (await Page.create(Site(), name)).text()


async def image_url(name):
    return (await strict_page(Site(), name)).url


async def title_of(name, image=False):
    return await titled(Site(), name, image)
