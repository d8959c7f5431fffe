"""A console script's main() stays sync and runs its async code with
asyncio.run; code that becomes async and also calls main() (a report, a
test's helper) cannot run it on its own loop's thread, where asyncio.run
raises: it calls main() on a worker thread (``sync_to_async``), where
asyncio.run starts a loop of its own."""

ROUTES = {"GET api.example.com /forecast/oslo": (200, {"days": [{"temp": 3}, {"temp": 7}]})}


def drive(run):
    report = run.module("forecast.report")
    run.check("report", report.report, run.url("api.example.com"), "oslo")
