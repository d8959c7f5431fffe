"""A loop checking each response's status right after its request: the
gather checks it as each response comes, so a 401 at the third user stops
it as a failing call does (the calls after it cancelled), instead of every
user being fetched before the loop first looks at a status."""

ROUTES = {
    **{f"GET api.example.com /users/{n}": (200, {"login": f"u{n}"}) for n in range(1, 41)},
    "GET api.example.com /users/3": (401, {"error": "token expired"}),
}
LIMIT = 10  # the gather's bound: at most this many requests on their way at once


def drive(run):
    job = run.module("sync_job")
    base = run.url("api.example.com")
    upstream = run.upstreams["api.example.com"]
    run.check("all fine", job.logins, base, [1, 2, 4, 5])
    run.check("expired at the third", job.logins, base, list(range(1, 41)))

    def bounded(fn, ids):
        # How many requests the failure let through: the legacy loop made 3,
        # a gather at most the ones on their way when the 401 came back.
        upstream.take_log()
        try:
            run.call(fn, base, ids)
        except Exception as exc:
            made = len(upstream.take_log())
            return type(exc).__name__.endswith("Error"), made <= 3 + LIMIT
        return None

    run.check("stops within the bound", bounded, job.logins, list(range(1, 41)))
    run.check("stops within the bound, in a try", bounded, job.logins_counted, list(range(1, 41)))
