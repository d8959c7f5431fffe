"""Pages whose constructor fetches through the site they are given."""

from wiki.site import Site


class Page:
    def __init__(self, site, name):
        self.site = site
        self.name = name
        self.exists = "missing" not in site.get("page", title=name)

    def text(self):
        return self.site.get("text", title=self.name)["text"]

    def editable(self):
        return self.exists and self.site.logged_in


def open_page(name):
    return Page(Site(), name)
