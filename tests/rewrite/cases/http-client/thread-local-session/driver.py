"""A session kept per thread (``threading.local``), made on first use by the
function that hands it out (``hasattr(_local, "s")``, or ``getattr(_local, "s",
None)`` into a local): the thread-local holds a client per event loop now, made
by a factory carrying the session's configuration where the session was made,
and every function requesting through it becomes async. The thread pool
mapping the requests becomes a gather of as many at a time. Before, the calls
were not carried (the ``hasattr`` form was refused as a factory whose session is
used where it is made; the ``getattr`` form was not seen at all)."""

ROUTES = {
    "GET api.example.com /users/1": (200, {"id": 1}),
    "GET api.example.com /users/2": (200, {"id": 2}),
    "GET api.example.com /users/3": (200, {"id": 3}),
    "GET api.example.com /teams/core/members": (200, ["ada", "grace"]),
    "GET api.example.com /teams/gone/members": (404, {"error": "no such team"}),
}


def drive(run):
    users = run.module("users")
    run.check("one user", users.get_user, 1)
    run.check("users from threads", users.get_users, [1, 2, 3])
    run.check("one user, on another loop", users.get_user, 2)
    teams = run.module("teams")
    run.check("a team", teams.members, "core")
    run.check("a team, on another loop", teams.members, "core")
    run.check("a missing team", teams.members, "gone")
    run.check("closed", teams.close)
    run.check("a team after closing", teams.members, "core")
    # Through the module: ``teams.session().get(...)``.
    run.check("a team's size", run.module("reports").team_size, "core")
