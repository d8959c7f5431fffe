"""requests' response hooks as an httpx client's event hooks: each gets the
response read (it may read the body, close it, raise), as requests gave it."""

ROUTES = {
    "GET api.example.com /users/1": (200, {"name": "ada"}),
    "GET api.example.com /users/2": (200, {"name": "bob"}),
    "GET api.example.com /users/9": (404, {"error": "no such user"}),
}


def drive(run):
    api = run.module("api")
    base = run.url("api.example.com")
    client = api.Client(base)
    run.check("user", client.user, 1)
    run.check("missing user raises from the hook", client.user, 9)
    audited = api.Audited(base)

    def audit(*uids):
        for uid in uids:
            try:
                run.call(audited.user, uid)
            except api.NotFound:
                pass
        return list(audited.log)

    run.check("audited", audit, 2, 9, 1)

    def recorded(*uids):
        api.SEEN.clear()
        names = run.call(api.names, base, list(uids))
        return names, sorted(api.SEEN)

    run.check("recorded", recorded, 1, 2)
    # Hooks given to one request: the client made for it runs them.
    run.check("one request's hook", api.checked_name, base, 1)
    run.check("one request's hook raises", api.checked_name, base, 9)

    def recorded_one(uid):
        api.SEEN.clear()
        return run.call(api.recorded_name, base, uid), list(api.SEEN)

    run.check("one request's hooks listed", recorded_one, 2)
