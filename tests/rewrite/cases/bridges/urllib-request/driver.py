"""urllib.request code reached from async code: bridged whole (the
response's reads block as much as urlopen), so it behaves as before."""

ROUTES = {
    "GET api.example.com /ok": (200, {"ok": True}),
    "GET api.example.com /missing": (404, {"error": "missing"}),
    "POST api.example.com /items": (201, {"id": 3}),
}


def drive(run):
    legacy = run.module("legacy")
    run.check("ok", legacy.report, "/ok")
    run.check("missing", legacy.report, "/missing")
    run.check("create", legacy.create, "/items", {"name": "chair"})
