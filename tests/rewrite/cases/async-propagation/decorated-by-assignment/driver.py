"""Decorators applied by assignment (``status = Retry(3)(_status)``,
``incidents = logged(_incidents)``) and plain aliases (``get_status =
status``), in the module and imported elsewhere: each is the function it
stands for, so its wrapper awaits it and every call of the name is awaited;
a retried call still tries three times."""

ROUTES = {
    "GET status.example.com /status/api": (200, {"state": "up"}),
    "GET status.example.com /status/db": (503, {"state": "down"}),
    "GET status.example.com /incidents/api": (200, {"open": 2}),
    "GET status.example.com /incidents/db": (200, {"open": 0}),
}


def drive(run):
    status = run.module("status")
    report = run.module("report")
    run.check("up", status.state_of, "api")
    run.check("down after three tries", status.state_of, "db")
    run.check("summary", report.summary, "api")
    run.check("summary of a failing status", report.summary, "db")
