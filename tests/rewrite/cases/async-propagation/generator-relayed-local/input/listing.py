from collections import deque

import requests


class Client:
    def __init__(self, base):
        self.base = base
        self.session = requests.Session()

    def _get(self, url):
        response = self.session.get(url, timeout=5)
        response.raise_for_status()
        return response.json()

    def total(self):
        return self._get(self.base + "/total")["count"]

    def _paginate(self, path, keep=None):
        page = self._get(self.base + path)
        while True:
            for item in page["items"]:
                if keep is None or keep(item):
                    yield item
            if not page["next"]:
                break
            page = self._get(page["next"])

    def iter_items(self, keep=None):
        found = self._paginate("/p1", keep)
        return found


def first_item(base):
    item = Client(base).iter_items()
    item = next(item)
    return item


def count_kept(base):
    items = Client(base).iter_items(lambda items: items > 1)
    return len(list(items))


def last_two(base):
    return list(deque(Client(base).iter_items(), maxlen=2))


def summary(base):
    client = Client(base)
    return {"total": client.total(), "items": list(client.iter_items())}
