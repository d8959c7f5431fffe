"""Sessions a method makes and configures for ``self.<attr>`` (one reading
``self.token`` and ``self.retries``, and a static one taking the agent as an
argument): each method makes an AsyncClient configured the same way, and the
attribute holds one per event loop made by it, so the upstream sees the same
headers on every loop."""

ROUTES = {
    "GET users.example.com /users/1": (200, {"id": 1, "name": "Ann"}),
    "GET users.example.com /users/9": (404, {"error": "none"}),
    "GET users.example.com /teams/core": (200, {"members": [1, 2]}),
}


def drive(run):
    users = run.module("users")
    run.check("user", users.user_name, "t0k", 1)
    run.check("the same user, on another loop", users.user_name, "t0k", 1)
    run.check("missing", users.user_name, "t0k", 9)
    run.check("team", users.team_size, "core")
