import requests


class Catalog:
    def __init__(self, base):
        self.base = base

    @property
    def items(self):
        path = "/items?page=1"
        while path:
            page = requests.get(self.base + path, timeout=5).json()
            yield from page["items"]
            path = page.get("next")

    @property
    def names(self):
        return self._names()

    def _names(self):
        for item in self.items:
            yield item["name"]


def first_two(catalog: Catalog):
    found = []
    for item in catalog.items:
        found.append(item["name"])
        if len(found) == 2:
            break
    return found


def all_names(catalog: Catalog):
    return list(catalog.names)


def first(catalog: Catalog):
    return next(catalog.items, None)


def sorted_names(catalog: Catalog):
    return sorted(item["name"] for item in catalog.items)
