"""A package that re-exports its modules with ``from .group import *`` (and a
subpackage doing the same), so ``from cloud.groups import Group`` names a class
defined one module further down. The groups hold the client their constructor is
given (a parameter annotated with the client class under ``TYPE_CHECKING``), and
their methods call ``self.client.get()``. Before, the star import hid the base
class, so the groups' calls stayed un-awaited (a coroutine subscripted); the
case's own tests run before and after."""

ROUTES = {
    "GET cloud.example.com /servers": (200, {"data": [{"id": 1, "name": "web"}]}),
    "GET cloud.example.com /servers/1": (200, {"id": 1, "name": "web", "status": "up"}),
    "GET cloud.example.com /servers/2": (404, {"error": "no such server"}),
}


def drive(run):
    app = run.module("cloud.report")
    run.check("names", app.server_names)
    run.check("status", app.status, 1)
    run.check("missing", app.status, 2)
    run.check("summary", app.summary)
