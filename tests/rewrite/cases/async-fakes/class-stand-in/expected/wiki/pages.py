"""Pages whose constructor fetches through the site they are given."""

from wiki.site import Site


class Page:
    @classmethod
    async def create(cls, site, name):
        """Make a Page, awaiting what its constructor did."""
        self = cls.__new__(cls)
        await self._async_init(site, name)
        return self

    async def _async_init(self, site, name):
        self.site = site
        self.name = name
        self.exists = "missing" not in await site.get("page", title=name)

    async def text(self):
        return (await self.site.get("text", title=self.name))["text"]

    def editable(self):
        return self.exists and self.site.logged_in


async def open_page(name):
    return await Page.create(Site(), name)
