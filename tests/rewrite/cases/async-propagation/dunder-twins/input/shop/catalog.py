import requests


class Catalog:
    """A remote price list that reads like a dict."""

    def __init__(self, base):
        self.base = base
        self.session = requests.Session()

    def names(self):
        return self.session.get(f"{self.base}/names", timeout=5).json()

    def __contains__(self, name):
        return name in self.names()

    def __len__(self):
        return len(self.names())

    def __setitem__(self, name, price):
        self.session.put(f"{self.base}/items/{name}", json={"price": price}, timeout=5)

    def __delitem__(self, name):
        if name not in self:
            raise KeyError(name)
        self.session.delete(f"{self.base}/items/{name}", timeout=5)

    def __iter__(self):
        for name in self.names():
            yield self.session.get(f"{self.base}/items/{name}", timeout=5).json()

    def __bool__(self):
        return bool(self.base)

    def add(self, name, price):
        if name in self:
            return False
        self[name] = price
        return True


class Shelf:
    """The names on a remote shelf, fetched each time they are looked at."""

    def __init__(self, base, path="names"):
        self.url = f"{base}/{path}"

    def __iter__(self):
        yield from requests.get(self.url, timeout=5).json()

    def __len__(self):
        return len(requests.get(self.url, timeout=5).json())


def label(base, path="names"):
    shelf = Shelf(base, path)
    if not shelf:
        return "nothing"
    return ", ".join(shelf)


def opening(base):
    catalog = Catalog(base)
    return "open" if catalog else "closed"


def summary(catalog):
    return {"size": len(catalog), "has_tea": "tea" in catalog}


def restock(base, names):
    catalog = Catalog(base)
    added = [name for name in names if catalog.add(name, 1)]
    del catalog["jam"]
    return added, len(catalog)


def first_price(base):
    for item in Catalog(base):
        return item["price"]
    return None


def prices(catalog: Catalog):
    return sorted(item["price"] for item in catalog)


def dearest(catalog: Catalog):
    # Not sorted(catalog, key=...): list() and sorted() ask __len__ for a length hint.
    named = catalog.names()
    return named, max(catalog, key=lambda item: item["price"])


def describe(catalog):
    # What catalog is is not known here: the dunders it runs stay, bridging.
    return f"{len(catalog)} items, {len(list(catalog))} listed"
