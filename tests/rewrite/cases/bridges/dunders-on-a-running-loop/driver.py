"""Dunders Python runs on syntax (``==``, ``str()``, a missing attribute, ``in``,
``bool()``) stay sync and reach the async code through the ``block_on``
helper: async code runs them on its loop's thread, where ``async_to_sync``
raises; ``block_on`` waits there on a worker thread, as the legacy call
blocked."""

ROUTES = {
    "GET people.example.com /users/1": (200, {"name": "Ada", "email": "ada@example.com"}),
    "GET people.example.com /teams/7": (200, {"members": ["Ada", "Grace"]}),
    "GET people.example.com /teams/7/lead": (200, {"name": "Grace"}),
    "GET people.example.com /teams/8": (200, {"members": []}),
    "GET people.example.com /teams/8/lead": (200, {"name": "Alan"}),
}


def drive(run):
    people = run.module("people")
    run.check("greeting", people.greeting, 1)
    run.check("lazy email", people.lazy_email, 1)
    run.check("user outside a loop", lambda: str(people.UserRef(1)))
    teams = {7: people.Team(7), 8: people.Team(8)}
    run.check("team summary", people.team_summary, 7, teams)
    run.check("empty team", people.team_summary, 8, teams)
