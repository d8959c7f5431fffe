"""A client class named in capitals (``API``), taken from the package that
re-exports it (``from sdk import API``): what it makes is followed there as
everywhere, entered with ``async with`` and its calls awaited."""

ROUTES = {
    "GET api.example.com /users/1": (200, {"name": "ada"}),
    "GET api.example.com /users/2": (200, {"name": "bob"}),
    "GET api.example.com /users/9": (404, {"error": "no such user"}),
}


def drive(run):
    report = run.module("report")
    base = run.url("api.example.com")
    run.check("with", report.user_name, base, 1)
    run.check("with, missing", report.user_name, base, 9)
    run.check("made and closed", report.two_names, base, 1, 2)
    run.check("made and closed, missing", report.two_names, base, 9, 1)
