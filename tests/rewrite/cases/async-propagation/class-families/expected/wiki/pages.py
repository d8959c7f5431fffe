"""Pages fetch what they hold when made; images are pages."""

from wiki import listing


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
        self.info = info if info is not None else await site.get("page", title=name)

    def links(self, generator=False):
        return listing.Listing.kind(generator)(self.site, "links", title=self.name)

    def history(self):
        return listing.History(self, "history")

    async def history_items(self):
        return await self.history().fetch()

    async def link_names(self, generator=False):
        found = await self.links(generator).fetch()
        return [getattr(item, "name", item) for item in found]


class Image(Page):
    async def _async_init(self, site, name, info=None):
        await super()._async_init(site, name, info)
        self.size = self.info.get("size", 0)

    async def usage(self):
        return await listing.History(self, "usage").fetch()


class Thumbnail(Image):
    async def _async_init(self, site, name, width=64):
        await super()._async_init(site, name)
        self.width = min(width, self.size)
