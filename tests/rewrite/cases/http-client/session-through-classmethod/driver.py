"""A session handed on through a classmethod called through its class
(``Forecast.load(self, city)``, ``cls`` passed implicitly): its ``service``
parameter is the WeatherService, so ``fetch_json(service.session, ...)`` in
another module is handed an AsyncClient and becomes async with it."""

ROUTES = {
    "GET weather.example.com /forecast?city=oslo": (200, {"temps": [1, 5, 3]}),
    "GET weather.example.com /forecast?city=atlantis": (404, {"error": "no such city"}),
}


def drive(run):
    service = run.module("service")
    weather = service.WeatherService(run.url("weather.example.com"))
    run.check("high", weather.high, "oslo")
    run.check("missing city", weather.high, "atlantis")
