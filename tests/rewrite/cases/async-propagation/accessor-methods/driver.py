"""Objects that reach their client through an accessor method (``get_jenkins()``
returning ``self.jenkins``, or ``self`` on the client itself), declared in a base
class that only raises and given by each subclass: what the accessor gives is
typed from the attribute's assignments, so calls through it are awaited, in the
base class too and across modules."""

ROUTES = {
    "GET ci.example.com /job/build/api/json": (200, {"name": "build", "color": "blue"}),
    "GET ci.example.com /job/deploy/api/json": (200, {"name": "deploy", "color": "red"}),
    "GET ci.example.com /job/build/lastBuild/api/json": (200, {"number": 7, "result": "SUCCESS"}),
    "GET ci.example.com /job/deploy/lastBuild/api/json": (200, {"number": 3, "result": "FAILURE"}),
    "GET ci.example.com /api/json": (200, {"jobs": [{"name": "build"}, {"name": "deploy"}]}),
    "GET ci.example.com /job/gone/api/json": (404, {"error": "missing"}),
}


def drive(run):
    report = run.module("report")
    run.check("one job", report.summary, "build")
    run.check("a failing job", report.summary, "deploy")
    run.check("every job", report.all_summaries)
    run.check("missing", report.summary, "gone")
