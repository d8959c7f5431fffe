"""A client that makes a session and only hands it to the objects it builds
(``Users(self.session)``), calling nothing through it itself, and a module
global handed so: each is converted with the code that calls through it, so
the managers' methods await an httpx client the holder made."""

ROUTES = {
    "GET api.example.com /teams/core": (200, {"members": [1, 2]}),
    "GET api.example.com /users/1": (200, {"name": "Ann"}),
    "GET api.example.com /users/2": (200, {"name": "Bob"}),
    "GET api.example.com /users/9": (404, {"error": "none"}),
}


def drive(run):
    service = run.module("service")
    run.check("team", service.team_names, "t0k", "core")
    run.check("default", service.default_user, 2)
    run.check("missing", service.default_user, 9)
