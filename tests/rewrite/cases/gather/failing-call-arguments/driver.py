"""Independent calls whose arguments fail (a missing key, an index out of
range, a team id that is no number). The legacy code made the calls before
the failing one, then raised; the gather's arguments are computed before any
call is made, so the same exception is raised with no call left never
awaited (an error under ``-W error``). The reads before it are not made:
nothing uses them (``EARLIER_FAILURES``). A loop's item makes its calls in
turn when a later one's arguments may fail, as the loop did."""

ROUTES = {
    "GET people.example.com /users/1": (200, {"name": "Ada"}),
    "GET people.example.com /users/2": (200, {"name": "Grace"}),
    "GET people.example.com /users/3": (404, {"error": "gone"}),
    "GET people.example.com /teams/7": (200, {"name": "compilers"}),
}

TEAMS = {"compilers": {"lead": "/users/1"}, "math": {"lead": "/users/2"}, "ops": {}}

EARLIER_FAILURES = {
    "profile, a team id that is no number": "int() fails before the gather",
    "profile, no team": "the key is read before the gather",
    "pair, one id": "ids[1] is read before the gather",
    "leads, an unknown team": "the team is looked up before the gather",
    "leads, a team with no lead": "the key is read before the gather",
}


def drive(run):
    profiles = run.module("profiles")
    run.check("profile", profiles.profile, {"user_id": 1, "team_id": "7"})
    run.check("profile, no user", profiles.profile, {"team_id": "7"})
    run.check("profile, no team", profiles.profile, {"user_id": 1})
    no_number = {"user_id": 1, "team_id": "x"}
    run.check("profile, a team id that is no number", profiles.profile, no_number)
    run.check("profile, a gone user", profiles.profile, {"user_id": 3, "team_id": "7"})
    run.check("pair", profiles.pair, ["1", "2"])
    run.check("pair, one id", profiles.pair, ["1"])
    run.check("pair, no ids", profiles.pair, [])
    directory = profiles.Directory(TEAMS)
    run.check("leads", directory.leads, "compilers", "math")
    run.check("leads, an unknown team", directory.leads, "compilers", "design")
    run.check("leads, a team with no lead", directory.leads, "math", "ops")
    rows = [{"user": 1, "team": 7}, {"user": 2, "team": 7}]
    run.check("memberships", profiles.memberships, rows)
    run.check("memberships, a row with no team", profiles.memberships, [*rows, {"user": 1}])
