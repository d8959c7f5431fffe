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

    def __iter__(self):
        return self

    def __next__(self):
        if self.max_items is not None and self.count >= self.max_items:
            raise StopIteration
        while True:
            try:
                item = next(self._items)
                break
            except StopIteration:
                if self.last:
                    raise
                self.load()
        self.count += 1
        return item

    def load(self):
        data = self.site.get(self.action, offset=self.offset, limit=self.limit)
        if "items" not in data:
            raise StopIteration
        self._items = iter(data["items"])
        self.offset += len(data["items"])
        self.last = not data.get("more")


class Titles(Listing):
    def __next__(self):
        return super().__next__()["title"]
