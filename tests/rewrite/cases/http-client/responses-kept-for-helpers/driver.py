"""A streamed response handed to a helper that reads ``iter_content`` (no form
of which works on httpx's response too) and is also handed the responses of
a backend that stays on requests: the request stays on requests with the
helper's other callers. ``fetch_report`` stays as it was; in
``fetch_with_index`` the index moves to httpx and the report's request is
bridged, so both give the same bytes as before; a response handed to the helper
through a function's return (``_streamed``) holds that function's request."""

ROUTES = {
    "GET reports.example.com /report": (200, b"quarterly numbers"),
    "GET reports.example.com /index": (200, {"pages": 3}),
}


def drive(run):
    report = run.module("report")
    backend = run.module("lib.backend")
    requests = run.module("requests")
    base = run.url("reports.example.com")

    run.check("report", lambda: run.call(report.fetch_report, base + "/report"))
    run.check("with index", lambda: run.call(report.fetch_with_index, base))
    run.check("through a function", report.fetch_through_a_function, base + "/report")
    run.check(
        "backend",
        lambda: run.call(backend.make_backend(requests.Session()).download, base + "/report"),
    )
