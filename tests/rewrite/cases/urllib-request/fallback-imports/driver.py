"""Imports a module falls back on where its first ones fail (``except ImportError:
import urllib2 as urllib``, for Python 2) do not hide the ones it runs with:
``urllib.urlopen`` is ``urllib.request.urlopen`` and is carried, and the
fallbacks of the imports it leaves unused go with them."""

ROUTES = {
    "GET weather.example.com /current?city=Oslo": (200, {"city": "Oslo", "temp": 3}),
    "GET weather.example.com /current?city=Lima": (200, {"city": "Lima", "temp": 19}),
    "GET weather.example.com /current?city=Nowhere": (404, {"error": "no such city"}),
    "GET weather.example.com /stations/7": (200, {"name": "Blindern"}),
}


def drive(run):
    weather = run.module("weather")
    weather.BASE = run.url("weather.example.com")
    run.check("one city", weather.current, "Oslo")
    run.check("missing", weather.current, "Nowhere")
    run.check("forecast", weather.forecast, ["Oslo", "Lima", "Nowhere"])
    stations = run.module("stations")
    run.check("a station", stations.station, f"{weather.BASE}/stations/7")
