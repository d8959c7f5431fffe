"""Sessions and sync httpx clients made inside functions."""

ROUTES = {
    "GET api.example.com /a": (200, {"a": 1}),
    "GET api.example.com /b": (200, {"b": 2}),
    "GET api.example.com /ping": (204, None),
}


def drive(run):
    job = run.module("sync_job")
    base = run.url("api.example.com")
    run.check("sync all", job.sync_all, [base + "/a", base + "/b"])
    run.check("ping", job.ping, base)
    # leaky() is left out: its session is never closed, and the rule marks the
    # migrated client with a TODO to close it (an unclosed transport warns).
