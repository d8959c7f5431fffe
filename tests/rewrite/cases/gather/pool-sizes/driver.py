"""Thread pools sized at run time, made without with, shared: the same results."""

HOSTS = ("reports",)
ROUTES = {
    f"GET reports /v1/reports/{i}": (200, {"title": f"t{i}", "summary": f"s{i}"})
    for i in range(1, 6)
}


def drive(run):
    reports = run.module("reports")
    base = "http://reports"
    run.check("reports", reports.reports, base, [1, 2, 3], 2)
    run.check("titles", reports.Client(base, workers=2).titles, [3, 1, 2])
    run.check("default sized", reports.default_sized, base, [4, 5])
    run.check("summaries", reports.summaries, base, [5, 4, 3])
    run.check("shut down after", reports.shut_down_after, base, [1, 2])
    run.check("shared pool", reports.shared_pool, base, [2, 3])
