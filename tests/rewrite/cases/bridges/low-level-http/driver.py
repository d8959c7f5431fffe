"""HTTP below requests (a urllib3 pool, an http.client connection) in code that
becomes async has no async twin here: the functions making those calls run on
a worker thread (sync_to_async), never on the event loop (the driver reports
a blocking socket call on a running loop)."""

ROUTES = {
    "GET api.example.com /health": (200, {"ok": True}),
    "GET api.example.com /blob": (200, b"0123456789"),
    "POST api.example.com /report": (201, {"stored": True}),
}


def drive(run):
    probe = run.module("probe")
    run.check("check", probe.check, run.url("api.example.com"))
