import requests


def pages(url):
    while url:
        response = requests.get(url, timeout=5)
        response.raise_for_status()
        data = response.json()
        yield data["items"]
        url = data.get("next")


def items(url):
    for page in pages(url):
        yield from page


def items_from(url):
    return items(url)


class Catalog:
    """Entries fetched page by page through the instance's session."""

    def __init__(self, base):
        self.base = base
        self.session = requests.Session()

    def entries(self, first="/catalog/1"):
        url = self.base + first
        while url:
            data = self.session.get(url, timeout=5).json()
            yield from data["entries"]
            url = data["next"] and self.base + data["next"]

    def names(self):
        for entry in self.entries():
            yield entry["name"]

    def all_names(self):
        return self.names()
