"""A session held by an instance, with a default header."""

HOSTS = ("x",)
ROUTES = {"GET x /users/1": (200, {"id": 1})}


def drive(run):
    api = run.module("api")
    run.check("load", api.load, 1)
    run.check("missing user", api.load, 2)
