"""``exc.request`` of a caught error: requests set it on most errors and left it
None on the others (invalid JSON, an HTTPError raised without one); httpx's
JSON error has none and its status error raises RuntimeError when unset."""

ROUTES = {
    "GET api.example.com /ok": (200, {"ok": True}),
    "GET api.example.com /missing": (404, {"error": "no such thing"}),
    "GET api.example.com /queued": (202, {"queued": True}),
    # An empty body: .json() fails.
    "GET api.example.com /empty": (200, None),
}


def drive(run):
    probe = run.module("probe")
    for path in ("/ok", "/missing", "/queued", "/empty"):
        run.check(path, probe.page, path)
    probe.BASE = "http://127.0.0.1:9"
    run.check("refused", probe.page, "/ok")
