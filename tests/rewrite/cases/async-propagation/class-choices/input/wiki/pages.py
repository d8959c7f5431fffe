"""Pages whose constructor fetches, made by a class picked from a dict."""

from wiki.site import Site


class Page:
    def __init__(self, site, name, info=None):
        self.site = site
        self.name = name
        if info is None:
            info = site.get("page", title=name)
        self.info = info

    def text(self):
        return self.site.get("text", title=self.name)["text"]


class Image(Page):
    def __init__(self, site, name, info=None):
        super().__init__(site, name, info)
        self.url = self.info["url"]


class Category(Page):
    def members(self):
        return self.site.get("members", title=self.name)["members"]


def page(site, name):
    kind = name.partition(":")[0]
    cls = {"File": Image, "Category": Category}.get(kind, Page)
    return cls(site, name)


def strict_page(site, name):
    cls = {"File": Image, "Category": Category}[name.partition(":")[0]]
    return cls(site, name, info={"url": None})


def titled(site, name, image):
    make = Image if image else Page
    return make(site, name).name


def page_info(name):
    return page(Site(), name).info


def text_of(name):
    return Page(Site(), name).text()


def image_url(name):
    return strict_page(Site(), name).url


def title_of(name, image=False):
    return titled(Site(), name, image)
