"""A client holding a session; its page lists are made with it."""

import requests

from wiki import listing

API = "https://wiki.example.com/api"


class Site:
    limit = 50

    def __init__(self, host=API):
        self.host = host
        self.session = requests.Session()
        self.pages = listing.PageList(self)
        self.images = listing.PageList(self, namespace=6)

    def get(self, action, **params):
        resp = self.session.get(f"{self.host}/{action}", params=params, timeout=5)
        resp.raise_for_status()
        return resp.json()

    def recent(self, limit=10):
        return listing.Recent("recent", self, limit=limit)

    def image_size(self, name):
        image = self.images[name]
        return image.size

    def image_history(self, name):
        image = self.images[name]
        return image.history_items()
