"""any()/all() inside statements: they stop where they stopped before."""

HOSTS = ("hosts",)
ROUTES = {
    **{
        f"GET hosts /v1/hosts/h{i}": (200, {"down": i == 2, "version": i, "up": i != 3})
        for i in range(1, 6)
    },
}


def drive(run):
    checks = run.module("checks")
    run.check("report", checks.report, ["h1", "h2", "h3"])
    run.check("report ok", checks.report, ["h1", "h3"])
    run.check("all patched", checks.all_patched, ["h4", "h1", "h5"])
    run.check("all patched, skipping", checks.all_patched, ["", "h3", "h4"])
    run.check("summary", checks.summary, ["h1", "h3", "h4"], "up")
