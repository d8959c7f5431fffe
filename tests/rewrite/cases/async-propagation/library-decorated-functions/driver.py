"""Functions a library's decorator wraps (a task queue's ``@queue.task``, an event
registry's ``@on(...)``): the library calls them synchronously and uses what they
return, so they stay sync; the async code they reach is bridged there. The
functions the project calls itself become async as before."""

import json
import sys
import types

ROUTES = {
    "GET reports.example.com /reports/1": (200, {"title": "Sales", "rows": [1, 2, 3]}),
    "GET reports.example.com /reports/2": (200, {"title": "Costs", "rows": [4]}),
    "GET reports.example.com /reports/9": (404, {"error": "missing"}),
    "POST reports.example.com /log": (201, {}),
}


def _jobqueue():
    """A small task queue and event registry, as a library outside the project is:
    it calls what it registered and serialises what that returns."""
    module = types.ModuleType("jobqueue")
    handlers = {}

    class Queue:
        def __init__(self, name):
            self.name, self.tasks = name, {}

        def task(self, func):
            self.tasks[func.__name__] = func
            return func

        def run(self, name, *args):
            return json.loads(json.dumps(self.tasks[name](*args)))

    def on(event):
        def register(func):
            handlers.setdefault(event, []).append(func)
            return func

        return register

    def emit(event, payload):
        return [json.dumps(handler(payload)) for handler in handlers.get(event, [])]

    module.Queue, module.on, module.emit = Queue, on, emit
    return module


def drive(run):
    jobqueue = sys.modules["jobqueue"] = _jobqueue()
    try:
        reports = run.module("reports")
        run.check("titles", reports.titles, [1, 2])
        run.check("queued report", reports.queue.run, "build_report", 1)
        run.check("queued missing report", reports.queue.run, "build_report", 9)
        run.check("event handled", jobqueue.emit, "report.requested", {"id": 2})
    finally:
        del sys.modules["jobqueue"]
