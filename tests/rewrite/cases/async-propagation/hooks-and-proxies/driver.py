"""A method stored as another module's hook (``errorhooks.on_error =
self.report``), which that module calls by itself, synchronously: stored
bridged, ``async_to_sync(self.report)``. A method named at run time and kept in a
local that is only called (``call = getattr(default, method)``) is awaited, as
``getattr(default, method)(...)`` is."""

import sys
import types

ROUTES = {"POST events.example.com /events": (202, {})}


def _errorhooks():
    """A module outside the project calling the hook it is given."""
    module = types.ModuleType("errorhooks")
    module.on_error = None

    def fail(error):
        return {"reported": module.on_error(error)}

    module.fail = fail
    return module


def drive(run):
    hooks = sys.modules["errorhooks"] = _errorhooks()
    try:
        tracker = run.module("tracker")
        run.check("capture through the proxy", tracker.capture, "signup")
        run.check("error hook", hooks.fail, "disk full")
    finally:
        del sys.modules["errorhooks"]
