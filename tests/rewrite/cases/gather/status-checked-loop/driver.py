"""A loop checking each response's status right after its request: the
gather checks it as each response comes, so a 401 at the third user stops
it as a failing call does (the calls after it cancelled), instead of every
user being fetched before the loop first looks at a status."""

ROUTES = {
    **{f"GET api.example.com /users/{n}": (200, {"login": f"u{n}"}) for n in range(1, 101)},
    "GET api.example.com /users/3": (401, {"error": "token expired"}),
}
USERS = list(range(1, 101))


def drive(run):
    job = run.module("sync_job")
    base = run.url("api.example.com")
    upstream = run.upstreams["api.example.com"]
    run.check("all fine", job.logins, base, [1, 2, 4, 5])
    run.check("expired at the third", job.logins, base, USERS)

    def stopped(fn, ids):
        # The legacy loop made 3 requests; a gather stopped by the 401 makes those
        # on their way when it came back, and those that started and ended while
        # it was on its way (10 at a time): far fewer than every user's, which a
        # gather leaving the status to the loop makes.
        upstream.take_log()
        try:
            run.call(fn, base, ids)
        except Exception as exc:
            made = len(upstream.take_log())
            return type(exc).__name__.endswith("Error"), made < len(ids) // 2
        return None

    run.check("stops early", stopped, job.logins, USERS)
    run.check("stops early, in a try", stopped, job.logins_counted, USERS)
