"""Memoised fetchers: lru_cache (bare or called), cache, a cachetools TTL cache; one session."""

import functools
import operator
import os

import cachetools
import httpx
from asgiref.sync import async_to_sync

from ._async_helpers import TLS_CONTEXT, AsyncClientPerLoop, async_memo


def _new_session() -> httpx.AsyncClient:
    session = httpx.AsyncClient(follow_redirects=True, timeout=None, verify=TLS_CONTEXT)
    session.headers["X-Api-Key"] = os.environ.get("API_KEY", "")
    return session


session = AsyncClientPerLoop(_new_session)


@async_memo(maxsize=2)
async def table(base):
    resp = await session.get(
        f"{os.environ['RATES_URL']}/v1/rates", params={"base": base}, timeout=5
    )
    if resp.is_error:
        resp.raise_for_status()
    return resp.json()["rates"]


@async_memo(maxsize=None)
async def forecast(city):
    resp = await session.get(
        f"{os.environ['WEATHER_URL']}/v1/weather", params={"city": city}, timeout=5
    )
    if resp.is_error:
        resp.raise_for_status()
    return resp.json()["conditions"]


@async_memo(
    cache=cachetools.TTLCache(maxsize=8, ttl=600), key=lambda city: city.lower()
)
async def events(city):
    resp = await session.get(
        f"{os.environ['EVENTS_URL']}/v1/events", params={"city": city}, timeout=5
    )
    if resp.is_error:
        resp.raise_for_status()
    return [event["name"] for event in resp.json()["events"]]


@functools.lru_cache(maxsize=4, typed=True)
def typed_table(base):
    resp = async_to_sync(session.get)(
        f"{os.environ['RATES_URL']}/v1/rates", params={"base": base}, timeout=5
    )
    return resp.json()["rates"]


@async_memo()
async def symbols():
    resp = await session.get(f"{os.environ['RATES_URL']}/v1/symbols", timeout=5)
    return resp.json()["symbols"]


class Listings:
    """Per instance cache: cachetools' cachedmethod (it would cache a coroutine)."""

    def __init__(self):
        self._cache = cachetools.LRUCache(maxsize=4)

    @cachetools.cachedmethod(operator.attrgetter("_cache"))
    def listed(self, base):
        resp = async_to_sync(session.get)(
            f"{os.environ['RATES_URL']}/v1/rates", params={"base": base}, timeout=5
        )
        return sorted(resp.json()["rates"])


listings = Listings()


async def convert(amount, base, quote):
    return round(amount * (await table(base))[quote], 2)


def cached_bases():
    return table.cache_info().currsize


def forget():
    table.cache_clear()
    forecast.cache_clear()
    events.cache.clear()
