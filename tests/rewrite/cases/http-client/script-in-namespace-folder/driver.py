"""A module of a folder with no __init__.py, imported through it and run as a script."""

import subprocess
import sys

ROUTES = {
    "GET api.example.com /users": (200, [{"id": 1}, {"id": 2}, {"id": 3}]),
}


def drive(run):
    base = run.url("api.example.com")
    report = run.module("tools.report")
    run.check("imported as tools.report", report.count_users, base)

    def as_script():
        script = run.root / "tools" / "report.py"
        done = subprocess.run(
            [sys.executable, "-W", "error", str(script), base],
            capture_output=True,
            text=True,
            cwd=run.root,
        )
        return done.returncode, done.stdout, done.stderr.splitlines()[-1:]

    run.check("run as a script", as_script)
