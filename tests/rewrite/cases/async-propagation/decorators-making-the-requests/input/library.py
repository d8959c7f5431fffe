from functools import wraps

import requests

BASE = "http://library.example.com"


def retrieve(func):
    """Each decorated method names what to fetch; the wrapper fetches it."""

    @wraps(func)
    def wrapped(self, *args, **kwargs):
        path = func(self, *args, **kwargs)
        return self._get(path)

    return wrapped


def fetched(func):
    @wraps(func)
    def wrapped(self, *args):
        resp = requests.get(BASE + func(self, *args), params={"key": self.key})
        resp.raise_for_status()
        return resp.json()

    return wrapped


class Library:
    def __init__(self, key):
        self.key = key
        self.session = requests.Session()

    def _get(self, path):
        resp = self.session.get(BASE + path, params={"key": self.key})
        resp.raise_for_status()
        return resp.json()

    @retrieve
    def items(self):
        return "/items"

    @retrieve
    def item(self, key):
        return "/items/" + key

    @fetched
    def collections(self):
        return "/collections"

    def count(self):
        return len(self.items())


def titles(library, keys):
    return [library.item(key)["title"] for key in keys]
