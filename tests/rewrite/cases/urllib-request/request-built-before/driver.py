"""``req = Request(...)`` right before ``urlopen(req)``: the request moves to
httpx with its method, body and headers, and urllib's errors with it."""

ROUTES = {
    "POST jobs.example.com /jobs": (201, {"id": "7"}),
    "GET jobs.example.com /jobs/7": (200, {"state": "done"}),
    "GET jobs.example.com /jobs/8": (404, {"error": "gone"}),
    "DELETE jobs.example.com /jobs/9": (500, {"error": "boom"}),
    "POST jobs.example.com /report": (200, "ok"),
}


def drive(run):
    jobs = run.module("jobs")
    run.check("submit", jobs.submit, "build")
    run.check("status", jobs.call, "GET", "/jobs/7")
    run.check("404 is None", jobs.call, "GET", "/jobs/8")
    run.check("500 raises", jobs.call, "DELETE", "/jobs/9")
    run.check("data without method posts", jobs.report, "/report")
    run.check("a form made before the request", jobs.post_form, "/report", {"a": "1 2"})
