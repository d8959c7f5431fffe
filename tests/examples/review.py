"""Needs review: requests features with no httpx twin, calls that cannot be resolved."""
# checks: BRIDGE OFFLOAD SPOT REVIEW

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

session = requests.Session()
# Mounted where the session is made: the client is made with this transport.
session.mount("https://", HTTPAdapter(max_retries=Retry(total=3)))
# What a Retry does on reads has no transport twin (on responses: RetryTransport).
session.mount("http://", HTTPAdapter(max_retries=Retry(total=3, read=2)))  # REVIEW: Retry


class Catalogue:
    def fetch(self, sku):  # ASYNC: calls requests.Session.get
        return session.get(f"https://catalogue/{sku}").json()  # BLOCKING: requests.Session.get


def price_of(catalogue, sku):  # ASYNC: calls review.Catalogue.fetch
    # `catalogue` could be anything, but only Catalogue has a fetch, which becomes
    # async: the call is taken for it.
    return catalogue.fetch(sku)["price"]


class Shelf:
    def lookup(self, sku):
        return {"sku": sku, "stock": 1}


class Warehouse:
    def lookup(self, sku):  # ASYNC: calls requests.Session.get
        return session.get(f"https://warehouse/{sku}").json()  # BLOCKING: requests.Session.get


def stock_of(store, sku):
    # `store` could be a Shelf, whose lookup stays sync, or a Warehouse, whose
    # lookup becomes async: the analysis cannot tell which, and says so.
    return store.lookup(sku)["stock"]  # REVIEW: cannot tell what `store.lookup()` calls


def known(sku):  # ASYNC: calls review.Catalogue.fetch
    return Catalogue().fetch(sku)


class Summary:
    # Made by ``await Summary.create(sku)`` from now on: __init__ cannot await.
    def __init__(self, sku):  # ASYNC: calls review.Catalogue.fetch
        self.item = Catalogue().fetch(sku)


class Report:
    def __init__(self, sku):  # BOUNDARY: constructor: class passed as a value
        self.item = Catalogue().fetch(sku)  # BRIDGE: async_to_sync


def build_all(skus):
    return list(map(Report, skus))


async def show(sku):
    # Report(sku) runs async code through async_to_sync, which cannot run on this
    # thread's running loop: it is made on a worker thread.
    return Report(sku).item  # OFFLOAD: sync_to_async thread_sensitive=False
