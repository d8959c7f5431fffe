"""One ``with`` entering an async context manager and files: nested statements."""

ROUTES = {
    "GET api.example.com /config": (200, {"debug": True}),
    "GET api.example.com /missing": (404, {"error": "missing"}),
    "GET api.example.com /blob": (200, "0123456789abcdef"),
}


def drive(run):
    files = run.module("app.files")
    run.check("save", files.save, "/config", "config.json")
    run.check("save, missing", files.save, "/missing", "missing.json")
    run.check("left after a failure", _read, "missing.json")
    run.check("save twice", files.save_twice, "/config", "twice.json")
    run.check("download", files.download, "/blob", "blob.bin")
    run.check("download, missing", files.download, "/missing", "nothing.bin")
    run.check("left after a failed download", _read, "nothing.bin")


def _read(path):
    with open(path) as f:
        return f.read()
