"""``shutil.copyfileobj(r.raw, f)`` of a streamed response: a loop writing
``r.aiter_raw()``, the body as sent, as requests' raw file gave it."""

ROUTES = {
    "GET files.example.com /report.json": (200, {"rows": [1, 2, 3]}),
    "GET files.example.com /missing.json": (404, {"error": "missing"}),
}


def drive(run):
    base = run.url("files.example.com")
    files = run.module("files")
    run.check("copied to a file", files.download, f"{base}/report.json", "report.json")
    run.check("missing", files.download, f"{base}/missing.json", "missing.json")
