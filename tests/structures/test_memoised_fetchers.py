"""Memoised fetchers: the cache holds results, a key in flight is fetched once.

The golden case ``async-propagation/memoised-fetchers`` memoises with
``functools.lru_cache`` (sized: eviction matters), ``functools.cache`` and a
cachetools ``TTLCache`` with a key function, and keeps one ``lru_cache(typed=True)``
and a cachetools ``cachedmethod`` sync (the helper has no typed keys, nor a cache
per instance).
"""

from __future__ import annotations

from pathlib import Path

from sample_upstreams import UpstreamCluster

from .runner import compare_case, run_case

CASE = "async-propagation/memoised-fetchers"

SCENARIOS = [
    "convert(10, 'EUR', 'USD')",
    "convert(5, 'EUR', 'GBP')",
    "convert(1, 'USD', 'EUR')",
    "convert(1, 'GBP', 'EUR')",
    "convert(1, 'EUR', 'USD')",
    "cached_bases()",
    "table.cache_info().hits",
    "forecast('Oslo')",
    "forecast('Oslo')",
    "events('Oslo')",
    "events('OSLO')",
    "table('XXX')",
    "table('XXX')",
    "typed_table('JPY')['EUR']",
    "typed_table('JPY')['EUR']",
    "listings.listed('GBP')",
    "listings.listed('GBP')",
    "forget()",
    "forecast('Oslo')",
    "events('oslo')",
    "convert(2, 'EUR', 'USD')",
]


def test_memoised_fetchers_fetch_what_they_fetched(
    upstreams: UpstreamCluster, tmp_path: Path
) -> None:
    legacy, _ = compare_case(CASE, ["fx.rates"], SCENARIOS, upstreams, tmp_path)
    # Eviction (maxsize=2), errors not cached, cache_clear: EUR is fetched three times.
    assert legacy.requests[("GET", "/v1/rates", "base=EUR")] == 3
    assert legacy.requests[("GET", "/v1/rates", "base=XXX")] == 2
    assert legacy.requests[("GET", "/v1/weather", "city=Oslo")] == 2
    # table('GBP') once, listings.listed('GBP') once: the second call is cached.
    assert legacy.requests[("GET", "/v1/rates", "base=GBP")] == 2
    assert legacy.outcomes["table('XXX')"] == {"raised": "requests.HTTPError"}


def test_concurrent_callers_of_one_key_share_one_fetch(
    upstreams: UpstreamCluster, tmp_path: Path
) -> None:
    run = run_case(
        CASE,
        "expected",
        ["fx.rates"],
        [
            "concurrently(lambda: table('JPY'), lambda: table('JPY'), lambda: table('JPY'))",
            "concurrently(lambda: table('XXX'), lambda: table('XXX'))",
            "table.cache_info().currsize",
        ],
        upstreams,
        tmp_path,
    )
    assert run.requests == {
        ("GET", "/v1/rates", "base=JPY"): 1,
        ("GET", "/v1/rates", "base=XXX"): 1,
    }
    first = run.outcomes[next(iter(run.outcomes))]
    assert isinstance(first, dict) and first["value"][0] == first["value"][1]
    assert run.outcomes["table.cache_info().currsize"] == {"value": 1}
