"""The client: holds a session and hands itself to the objects it makes."""

import requests

from .region import Region


class Gazetteer:
    def __init__(self, base_url):
        self.base_url = base_url
        self.http = requests.Session()

    def lookup(self, path, **params):
        resp = self.http.get(self.base_url + path, params=params, timeout=5)
        resp.raise_for_status()
        return resp.json()

    def region(self, code):
        return Region(self, code)

    def regions(self, codes):
        return [Region(self, code) for code in codes]
