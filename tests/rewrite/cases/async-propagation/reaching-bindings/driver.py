"""A client whose requester is a parameter, picked from two classes on the
paths where none was given (``requester = TracingRequester`` in one branch,
``= Requester`` in the other, then ``requester(base)``) and kept as given on
the other path; reached through an accessor (``self.get_server().requester``),
a local read from one, an item (``self[name]``, what ``__getitem__`` gives), and
replaced from outside (``copy.requester = TracingRequester(...)``): which
bindings reach each read type the attribute, so every call through it is
awaited."""

ROUTES = {
    "GET ci.example.com /api/json": (200, {"jobs": [{"name": "build"}, {"name": "deploy"}]}),
    "GET ci.example.com /job/build/lastBuild/api/json": (200, {"number": 7, "result": "SUCCESS"}),
    "GET ci.example.com /job/deploy/lastBuild/api/json": (200, {"number": 3, "result": "FAILURE"}),
    "GET ci.example.com /job/gone/lastBuild/api/json": (404, {"error": "missing"}),
}


def drive(run):
    report = run.module("report")
    run.check("one build", report.summary, "build")
    run.check("every build", report.all_summaries)
    run.check("a missing job", report.summary, "gone")
    run.check("traced", report.traced_paths, "deploy")
    run.check("replaced from outside", report.retraced, "build")
