"""Lambdas bound to a name whose calls now await: nested async defs, each call of
them awaited; the same requests, the same results."""

ROUTES = {
    "GET api.example.com /users/1": (200, {"name": "ada"}),
    "GET api.example.com /users/2": (200, {"name": "bob"}),
    "GET api.example.com /ping": (204, None),
    "GET api.example.com /gone": (404, {"error": "gone"}),
}


def drive(run):
    users = run.module("users")
    run.check("names", users.names, [1, 2])
    run.check("status", users.status, "/ping")
    run.check("status of a missing page", users.status, "/gone")
    run.check("labels", users.labels, [1, 2])
