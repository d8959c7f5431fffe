"""A test defines a class of its own from the project's mixins (``class M(GetMixin,
FakeManager)``, python-gitlab's tests) and calls the methods it inherits. A class
named by one capital letter is a class like any other: the test becomes async
and awaits them. Before, ``M()`` was taken for a constant's call, so the calls
stayed un-awaited; the case's own tests run before and after."""

ROUTES = {
    "GET api.example.com /items/42": (200, {"id": 42, "name": "answer"}),
    "DELETE api.example.com /items/42": (204, b""),
}


def drive(run):
    app = run.module("app")
    run.check("get", app.Manager().get, 42)
    run.check("delete", app.Manager().delete, 42)
