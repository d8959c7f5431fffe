"""Calls of a function that changes a module global (a cache filled per key,
a log of what was asked) stay in order: run together, a repeated key would
miss the cache and be fetched again, and the log would follow the order the
calls finish in."""

ROUTES = {f"GET api.example.com /users/{n}": (200, {"login": f"u{n}"}) for n in range(1, 5)}


def drive(run):
    owners = run.module("owners")
    base = run.url("api.example.com")
    repos = [{"owner": 1}, {"owner": 2}, {"owner": 1}, {"owner": 1}, {"owner": 3}]
    run.check("each owner fetched once", owners.owner_logins, base, repos)

    def logged(*uids):
        owners.SEEN.clear()
        logins = run.call(owners.logged_logins, base, list(uids))
        return logins, list(owners.SEEN)

    run.check("logged in order", logged, 4, 2, 3)
