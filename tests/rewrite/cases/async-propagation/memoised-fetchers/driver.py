"""Memoised fetchers: each key fetched as often before and after (eviction, errors, clears)."""

import os

ROUTES = {
    "GET rates.example.com /v1/rates?base=EUR": (200, {"rates": {"USD": 1.08, "GBP": 0.86}}),
    "GET rates.example.com /v1/rates?base=USD": (200, {"rates": {"EUR": 0.93}}),
    "GET rates.example.com /v1/rates?base=GBP": (200, {"rates": {"EUR": 1.16}}),
    "GET rates.example.com /v1/rates?base=XXX": (400, {"error": "unknown base"}),
    "GET rates.example.com /v1/symbols": (200, {"symbols": ["EUR", "GBP", "USD"]}),
    "GET weather.example.com /v1/weather?city=Oslo": (200, {"conditions": "snow"}),
    "GET events.example.com /v1/events?city=Oslo": (200, {"events": [{"name": "Market"}]}),
    "GET events.example.com /v1/events?city=OSLO": (200, {"events": [{"name": "Market"}]}),
}
SERVICES = ("rates", "weather", "events")


def drive(run):
    for service in SERVICES:
        os.environ[f"{service.upper()}_URL"] = run.url(f"{service}.example.com")
    try:
        rates = run.module("fx.rates")
        run.check("convert", rates.convert, 10, "EUR", "USD")
        run.check("convert again (cached)", rates.convert, 5, "EUR", "GBP")
        run.check("other bases (evict EUR)", rates.convert, 1, "USD", "EUR")
        run.check("third base", rates.convert, 1, "GBP", "EUR")
        run.check("EUR fetched again", rates.convert, 1, "EUR", "USD")
        run.check("cache size", rates.cached_bases)
        run.check("forecast", rates.forecast, "Oslo")
        run.check("forecast cached", rates.forecast, "Oslo")
        run.check("events", rates.events, "Oslo")
        run.check("events, same key", rates.events, "OSLO")
        run.check("unknown base", rates.table, "XXX")
        run.check("unknown base, not cached", rates.table, "XXX")
        run.check("typed stays sync", rates.typed_table, "EUR")
        run.check("symbols", rates.symbols)
        run.check("symbols cached", rates.symbols)
        run.check("clear", rates.forget)
        run.check("forecast after clear", rates.forecast, "Oslo")
    finally:
        for service in SERVICES:
            del os.environ[f"{service.upper()}_URL"]
