"""An instance handed to the objects it makes, kept there, called through them."""

ROUTES = {
    "GET atlas.example.com /regions/NO": (200, {"population": 5, "capital": "Oslo"}),
    "GET atlas.example.com /regions/NO/borders": (200, {"codes": ["SE", "FI", "RU"]}),
    "GET atlas.example.com /towns/Oslo/forecast?days=2": (200, {"summary": "rain"}),
    "GET atlas.example.com /regions/XX": (404, {"error": "no such region"}),
}


def drive(run):
    base = run.url("atlas.example.com")
    report = run.module("atlas.report")
    run.check("headcount", report.headcount, base, "NO")
    run.check("borders", report.border_count, base, "NO")
    run.check("forecast", report.capital_forecast, base, "NO")
    run.check("describe", report.describe_code, base, "NO")
    run.check("missing region", report.headcount, base, "XX")
