import requests


def pages(base, params):
    while True:
        data = requests.get(f"{base}/books", params=params, timeout=5).json()
        yield from data["items"]
        if "next" not in data:
            break
        params = {**params, "from": data["next"]}


class Shelf:
    def __init__(self, base):
        self.base = base

    @property
    def titles(self):
        return [item["title"] for item in pages(self.base, {"shelf": "1"})]

    def first_title(self):
        for item in pages(self.base, {"shelf": "1"}):
            return item["title"]


def by_size(shelves):
    return sorted(shelves, key=lambda s: len(s.titles))


class Reader:
    def __init__(self, base):
        self.base = base

    @property
    def opening(self):
        return next(pages(self.base, {"shelf": "1"}))["title"]


def openings(readers):
    return [r.opening for r in sorted(readers, key=lambda r: r.opening)]
