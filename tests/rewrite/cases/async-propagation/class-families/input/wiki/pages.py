"""Pages fetch what they hold when made; images are pages."""

from wiki import listing


class Page:
    def __init__(self, site, name, info=None):
        self.site = site
        self.name = name
        self.info = info if info is not None else site.get("page", title=name)

    def links(self, generator=False):
        return listing.Listing.kind(generator)(self.site, "links", title=self.name)

    def history(self):
        return listing.History(self, "history")

    def history_items(self):
        return self.history().fetch()

    def link_names(self, generator=False):
        found = self.links(generator).fetch()
        return [getattr(item, "name", item) for item in found]


class Image(Page):
    def __init__(self, site, name, info=None):
        super().__init__(site, name, info)
        self.size = self.info.get("size", 0)

    def usage(self):
        return listing.History(self, "usage").fetch()


class Thumbnail(Image):
    def __init__(self, site, name, width=64):
        super().__init__(site, name)
        self.width = min(width, self.size)
