"""A session a client class makes on first use: in a method (``_get_session``,
in a base class of another module), in a property, or inline before the
request. Each becomes a client per event loop made the same lazy way (its
configuration moves into the factory), every method that requests through it
becomes async, and ``close`` becomes ``aclose``. One instance serves checks
run on different event loops (as Flask's async views run), against keep-alive
upstreams. The calls made through a method or a property giving the session
were not seen: nothing moved, and the plan said nothing."""

PACKAGE = "hub"

ROUTES = {
    "GET api.example.com /users/ada": (200, {"name": "Ada"}),
    "GET api.example.com /users/grace": (200, {"name": "Grace"}),
    "GET api.example.com /users/nobody": (404, {"error": "no such user"}),
    "GET api.example.com /repos/ada/engine": (200, {"stars": 3}),
    "GET api.example.com /repos/ada/gone": (410, {"error": "gone"}),
    "GET api.example.com /teams/core/members": (200, ["ada", "grace"]),
    "GET api.example.com /teams/docs/members": (200, ["grace"]),
}


def drive(run):
    base = run.url("api.example.com")
    users = run.module("hub.users")
    run.check("names", users.user_names, base, ["ada", "grace"])
    run.check("a missing user", users.user_names, base, ["ada", "nobody"])
    one = users.Users(base)
    run.check("a user", one.get, "ada")
    run.check("the same client, on another loop", one.get, "grace")
    run.check("the same client, a missing user", one.get, "nobody")
    # ``close`` is ``aclose`` after: the client of the loop it runs on closes.
    run.check("closed", getattr(one, "aclose", None) or one.close)
    run.check("closed, then used again", one.get, "ada")

    repos = run.module("hub.repos").Repos(base, "s3cret")
    run.check("a repo", repos.repo, "ada", "engine")
    run.check("a repo, on another loop", repos.repo, "ada", "engine")
    run.check("a repo gone", repos.repo, "ada", "gone")

    teams = run.module("hub.teams").Teams(base)
    run.check("a team", teams.members, "core")
    run.check("another team, on another loop", teams.members, "docs")
