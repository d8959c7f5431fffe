import functools

import requests

BASE = "https://api.example.com"


def parsed(method):
    @functools.wraps(method)
    def wrapped(self, *args):
        path = method(self, *args)
        self._fetch(path)
        kind = "tags" if "tags" in self.last.url else "items"
        return {"kind": kind, "ok": self.last.ok, "data": self.last.json()}

    return wrapped


class Library:
    def __init__(self, user):
        self.user = user
        self.last = None

    def _fetch(self, path):
        self.last = requests.get(f"{BASE}/users/{self.user}{path}", timeout=5)
        self.last.raise_for_status()
        return self.last

    @parsed
    def items(self):
        return "/items"

    @parsed
    def tags(self):
        return "/tags"

    def status(self):
        return {"reason": self.last.reason, "url": self.last.url, "total": self.total()}

    def total(self):
        return int(self.last.headers["Total-Results"])


def browse(user):
    library = Library(user)
    return library.items(), library.status(), library.tags(), library.status()
