"""Lists of things a site answers, made by the site, by pages and by each other."""

import wiki.pages
from wiki._async_helpers import gather_in_order


class Listing:
    def __init__(self, site, action, limit=None, **params):
        self.site = site
        self.action = action
        self.params = {**params, "limit": limit or site.limit}

    async def fetch(self):
        return (await self.site.get(self.action, **self.params))["items"]

    @staticmethod
    def kind(generator):
        return PageListing if generator else Listing


class PageListing(Listing):
    def __init__(self, site, action, *args, **kwargs):
        super().__init__(site, action, *args, **kwargs)
        self.item_class = wiki.pages.Page

    async def fetch(self):
        return await gather_in_order(
            (
                wiki.pages.Page.create(self.site, name, {})
                for name in await super().fetch()
            ),
            limit=10,
        )


class Recent(Listing):
    def __init__(self, action, *args, **kwargs):
        super().__init__(*args, action=action, **kwargs)


class History(Listing):
    def __init__(self, page, action):
        super().__init__(page.site, action, title=page.name)
        self.page = page


class PageList:
    def __init__(self, site, namespace=0):
        self.site = site
        self.namespace = namespace

    async def __getitem__(self, name):
        return await self.get(name)

    async def get(self, name):
        cls = {6: wiki.pages.Image}.get(self.namespace, wiki.pages.Page)
        return await cls.create(self.site, name)
