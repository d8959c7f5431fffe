"""A method named at run time from a prefix (``getattr(self, "get_" + kind)``):
one of the class's methods named so, which all become async, so the call is
awaited and its function becomes async."""

ROUTES = {
    "GET api.example.com /users/1": (200, {"name": "Ada"}),
    "GET api.example.com /teams/7": (200, {"name": "compilers"}),
}


def drive(run):
    api = run.module("api").Api(run.url("api.example.com"))
    run.check("user", api.fetch, "user", 1)
    run.check("team", api.fetch, "team", 7)
    run.check("named team", api.fetch_named, "team", 7)
    run.check("no such kind", api.fetch, "repo", 1)
