"""closing() around a streamed request, a new session, a session made before, a class of ours."""

ROUTES = {
    "GET api.example.com /blob": (200, "0123456789abcdef"),
    "GET api.example.com /missing": (404, {"error": "missing"}),
    "GET api.example.com /up": (200, {"up": True}),
    "GET api.example.com /items": (200, [1, 2, 3]),
}


def drive(run):
    closers = run.module("app.closers")
    run.check("download", closers.download, "/blob", "blob.bin")
    run.check("download, missing", closers.download, "/missing", "missing.bin")
    run.check("status", closers.status, "/up")
    run.check("status, missing", closers.status, "/missing")
    run.check("statuses", closers.statuses, ["/up", "/missing", "/up"])
    run.check("feed", closers.feed_items)
