import requests

PRELOADED = ("summary", "links")


class Page:
    def __init__(self, base, title, preload=False):
        self.base = base
        self.title = title
        self._summary = None
        self._links = None
        if preload:
            for prop in ["summary", "links"]:
                getattr(self, prop)

    @property
    def summary(self):
        if self._summary is None:
            url = f"{self.base}/summary/{self.title}"
            self._summary = requests.get(url, timeout=5).json()["text"]
        return self._summary

    @property
    def links(self):
        if self._links is None:
            url = f"{self.base}/links/{self.title}"
            self._links = requests.get(url, timeout=5).json()["links"]
        return self._links

    def snapshot(self):
        return {name: getattr(self, name) for name in PRELOADED}

    def headline(self):
        return getattr(self, "summary").upper()


def loaded(page):
    """What a page has fetched so far."""
    return page._summary, page._links


def title_of(thing):
    return getattr(thing, "title", None)


def preloaded(base, title):
    return loaded(Page(base, title, preload=True))


def lazy(base, title):
    return loaded(Page(base, title))


def snapshot(base, title):
    return Page(base, title).snapshot()


def headline(base, title):
    return Page(base, title).headline()


def title(base, name):
    return title_of(Page(base, name))
