"""Loops that skip items before their fetch (``if test: continue``): when each
test reads only the item and what the loop leaves alone, the items kept are
listed first and their fetches gathered; the skipped items are never fetched.
A skip that does something (counts) or reads what the body changes keeps the
loop as it was."""

ROUTES = {
    "GET stats.example.com /users/1": (200, {"team": "core", "name": "ada", "alias": 2}),
    "GET stats.example.com /users/2": (200, {"team": "web", "name": "bob", "alias": 3}),
    "GET stats.example.com /users/3": (200, {"team": "core", "name": "cy", "alias": 9}),
    "GET stats.example.com /users/4": (500, {"error": "down"}),
}


def drive(run):
    teams = run.module("teams")
    users = [
        {"id": 1},
        {"id": 7, "bot": True},
        {"id": 2},
        {"id": 8, "active": False},
        {"id": 3},
    ]
    run.check("by team", teams.by_team, users)
    run.check("by team, one failing", teams.by_team, [*users, {"id": 4}])
    run.check("names", teams.names, [1, -2, 2, 3, 9], {9})
    run.check("counted", teams.counted, [1, -1, 3])
    run.check("until seen", teams.until_seen, [1, 2, 3])
