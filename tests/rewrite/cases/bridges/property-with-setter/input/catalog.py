import requests


class Catalog:
    def __init__(self, base):
        self.base = base
        self._limit = None

    def _pages(self):
        page = 1
        while page:
            data = requests.get(f"{self.base}/items", params={"page": page}, timeout=5).json()
            yield from data["items"]
            page = data.get("next")

    def _count(self):
        return requests.get(f"{self.base}/count", timeout=5).json()["count"]

    @property
    def items(self):
        names = [item["name"] for item in self._pages()]
        return names[: self._limit] if self._limit else names

    @items.setter
    def items(self, limit):
        self._limit = limit

    @property
    def size(self):
        return self._count()

    @size.deleter
    def size(self):
        self._limit = None

    def first(self):
        for item in self._pages():
            return item["name"]
