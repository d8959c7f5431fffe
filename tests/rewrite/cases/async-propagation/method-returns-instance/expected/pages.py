"""Helpers that hand out a site they made, untyped, and code that uses it."""

from wikisite import Site


class Base:
    async def open_site(self):
        site = await Site.create()
        site.info["opened"] = True
        return site


class Pages(Base):
    async def page(self, title):
        site = await self.open_site()
        return (await site.call("page", title=title))["text"]

    async def site_name(self):
        return (await self.open_site()).info["name"]


async def make_site():
    site = await Site.create()
    return site


async def page(title):
    site = await make_site()
    return (await site.call("page", title=title))["text"]
