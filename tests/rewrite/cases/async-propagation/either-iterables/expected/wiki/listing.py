"""Listings that fetch page by page as they are iterated."""


class Listing:
    def __init__(self, site, action, limit=2, max_items=None):
        self.site = site
        self.action = action
        self.limit = limit
        self.max_items = max_items
        self.count = 0
        self.offset = 0
        self.last = False
        self._items = iter(())

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.max_items is not None and self.count >= self.max_items:
            raise StopAsyncIteration
        while True:
            try:
                item = next(self._items)
                break
            except StopIteration:
                if self.last:
                    raise StopAsyncIteration
                await self.load()
        self.count += 1
        return item

    async def load(self):
        data = await self.site.get(self.action, offset=self.offset, limit=self.limit)
        if "items" not in data:
            raise StopAsyncIteration
        self._items = iter(data["items"])
        self.offset += len(data["items"])
        self.last = not data.get("more")


class Titles(Listing):
    async def __anext__(self):
        return (await super().__anext__())["title"]
