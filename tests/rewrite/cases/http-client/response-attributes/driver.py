"""Response attributes that differ between requests and httpx (ok, reason, url, lines,
is_permanent_redirect)."""

ROUTES = {
    "GET api.example.com /fine": (200, {"a": 1}),
    "GET api.example.com /gone": (410, {"error": "gone"}),
    "GET api.example.com /moved": (301, None, {"Location": "/fine"}),
    # A 3xx that is no redirect: raise_for_status() raises in httpx, not in requests.
    "GET api.example.com /unchanged": (304, None),
}


def drive(run):
    module = run.module("responses")
    base = run.url("api.example.com")
    for path in ("/fine", "/gone", "/moved", "/unchanged"):
        run.check(f"describe {path}", module.describe, base + path)
        run.check(f"checked {path}", module.checked, base + path)
        run.check(f"load {path}", module.load, base + path)
        run.check(f"status after a check {path}", module.status_after_check, base + path)
        run.check(f"what a check returns {path}", module.check_result, base + path)
        run.check(f"moved for good {path}", module.moved_for_good, base + path)
    run.check("lines", module.lines, base + "/fine")
