"""A module global holding a session made on first use by the function that hands
it out (``global _SESSION``; ``if _SESSION is None: _SESSION = requests.Session()``):
the global holds a client per event loop now, made by a factory carrying the
session's headers and params, and made as lazily as before. Before, it was refused
as a factory whose session is used where it is made."""

ROUTES = {
    "GET api.example.com /forecast/oslo?units=metric": (200, {"temp": -3}),
    "GET api.example.com /forecast/lima?units=metric": (200, {"temp": 19}),
    "GET api.example.com /forecast/atlantis?units=metric": (404, {"error": "no city"}),
}


def drive(run):
    weather = run.module("weather")
    run.check("one city", weather.forecast, "oslo")
    run.check("one city, on another loop", weather.forecast, "lima")
    run.check("cities", weather.forecasts, ["oslo", "lima"])
    run.check("a city that is not", weather.forecasts, ["oslo", "atlantis"])
