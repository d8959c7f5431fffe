"""A client class whose methods hand their responses to helpers."""

import requests

from shop import checks


class Shop:
    def __init__(self, base_url):
        self.base_url = base_url
        self.session = requests.Session()

    def _request(self, path):
        return self.session.get(f"{self.base_url}{path}")

    def _check(self, r):
        r.raise_for_status()
        return r

    def _json(self, r):
        return self._check(r).json()

    def item(self, number):
        r = self._request(f"/items/{number}")
        return self._json(r)

    def stock(self, number):
        return self._json(r=self.session.get(f"{self.base_url}/stock/{number}"))

    def price(self, number):
        resp = self._request(f"/prices/{number}")
        return checks.raise_for(response=resp).json()["price"]

    def status(self, number):
        return checks.failure(self._request(f"/items/{number}")) or "fine"


def summary(resp):
    if not resp.ok:
        return "unavailable"
    checked = resp.raise_for_status()
    return f"{len(resp.json())} fields, checked: {checked}"


def describe(url):
    return summary(requests.get(url))
