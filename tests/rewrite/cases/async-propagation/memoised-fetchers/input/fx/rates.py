"""Memoised fetchers: lru_cache (bare or called), cache, a cachetools TTL cache; one session."""

import functools
import operator
import os
from functools import lru_cache

import cachetools
import requests

session = requests.Session()
session.headers["X-Api-Key"] = os.environ.get("API_KEY", "")


@lru_cache(maxsize=2)
def table(base):
    resp = session.get(f"{os.environ['RATES_URL']}/v1/rates", params={"base": base}, timeout=5)
    resp.raise_for_status()
    return resp.json()["rates"]


@functools.cache
def forecast(city):
    resp = session.get(f"{os.environ['WEATHER_URL']}/v1/weather", params={"city": city}, timeout=5)
    resp.raise_for_status()
    return resp.json()["conditions"]


@cachetools.cached(cachetools.TTLCache(maxsize=8, ttl=600), key=lambda city: city.lower())
def events(city):
    resp = session.get(f"{os.environ['EVENTS_URL']}/v1/events", params={"city": city}, timeout=5)
    resp.raise_for_status()
    return [event["name"] for event in resp.json()["events"]]


@functools.lru_cache(maxsize=4, typed=True)
def typed_table(base):
    resp = session.get(f"{os.environ['RATES_URL']}/v1/rates", params={"base": base}, timeout=5)
    return resp.json()["rates"]


@lru_cache
def symbols():
    resp = session.get(f"{os.environ['RATES_URL']}/v1/symbols", timeout=5)
    return resp.json()["symbols"]


class Listings:
    """Per instance cache: cachetools' cachedmethod (it would cache a coroutine)."""

    def __init__(self):
        self._cache = cachetools.LRUCache(maxsize=4)

    @cachetools.cachedmethod(operator.attrgetter("_cache"))
    def listed(self, base):
        resp = session.get(f"{os.environ['RATES_URL']}/v1/rates", params={"base": base}, timeout=5)
        return sorted(resp.json()["rates"])


listings = Listings()


def convert(amount, base, quote):
    return round(amount * table(base)[quote], 2)


def cached_bases():
    return table.cache_info().currsize


def forget():
    table.cache_clear()
    forecast.cache_clear()
    events.cache.clear()
