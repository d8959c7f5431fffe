"""A constructor that logs in and sets the session's header from the response:
the header line stays after the login (it reads the response), with a TODO."""

HOSTS = ("x",)
ROUTES = {
    "POST x /login": [(200, {"token": "t1"}), (401, {"error": "no"})],
    "GET x /me": (200, {"name": "bot"}),
}


def drive(run):
    api = run.module("api")
    run.check("log in, then who am I", api.whoami, "bot", "pw")
    run.check("wrong password", api.whoami, "bot", "bad")
