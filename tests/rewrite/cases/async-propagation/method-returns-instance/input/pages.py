"""Helpers that hand out a site they made, untyped, and code that uses it."""

from wikisite import Site


class Base:
    def open_site(self):
        site = Site()
        site.info["opened"] = True
        return site


class Pages(Base):
    def page(self, title):
        site = self.open_site()
        return site.call("page", title=title)["text"]

    def site_name(self):
        return self.open_site().info["name"]


def make_site():
    site = Site()
    return site


def page(title):
    site = make_site()
    return site.call("page", title=title)["text"]
