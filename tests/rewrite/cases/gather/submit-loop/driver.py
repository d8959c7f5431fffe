"""Futures appended in a loop: the same results, and the same failure."""

HOSTS = ("jobs",)
ROUTES = {
    **{
        f"GET jobs /v1/jobs/{i}": (200, {"id": i, "status": "done", "owner": f"o{i}"})
        for i in range(1, 6)
    },
    "GET jobs /v1/jobs/9": (404, {"error": "missing"}),
}


def drive(run):
    jobs = run.module("jobs")
    run.check("statuses", jobs.statuses, [1, 2, 3])
    run.check("owners", jobs.owners, [4, 5])
    run.check("finished", jobs.finished, [1, 2])
