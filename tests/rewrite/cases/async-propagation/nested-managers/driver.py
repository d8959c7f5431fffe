"""Managers nested the python-gitlab way: ``client.projects`` is a manager made in
``__init__``, its ``get`` returns a Project whose ``issues`` is another manager.
A local bound to what ``client.projects.get(pid)`` returns (directly, or
through a local holding the manager) is a Project: ``project.issues.get(iid)``
is awaited too."""

ROUTES = {
    "GET tracker.example.com /projects/1": (200, {"id": 1, "name": "core"}),
    "GET tracker.example.com /projects/1/issues/5": (200, {"title": "crash"}),
    "GET tracker.example.com /projects/1/issues/6": (200, {"title": "typo"}),
    "GET tracker.example.com /projects/1/issues/9": (404, {"title": "missing"}),
}


def drive(run):
    tracker = run.module("tracker")
    client = tracker.Client(run.url("tracker.example.com"))
    run.check("title", tracker.issue_title, client, 1, 5)
    run.check("titles", tracker.issue_titles, client, 1, [5, 6, 9])
