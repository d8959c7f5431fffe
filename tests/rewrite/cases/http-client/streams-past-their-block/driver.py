"""Streamed responses used past the block that made them (read after a ``with
lock:``, returned to the caller) are read whole, since httpx reads a stream only
inside its ``async with``; ``closing(response)`` goes, as the ``async with`` of
the stream (or the whole read) closes the response."""

ROUTES = {
    "GET files.example.com /report.txt": (200, "first line\nsecond line\nthird\n"),
    "GET files.example.com /missing.txt": (404, "no such file"),
}


def drive(run):
    files = run.module("files")
    base = run.url("files.example.com")
    target = run.root / "report.txt"

    def saved():
        status = run.call(files.save, base + "/report.txt", target)
        return status, target.read_bytes()

    run.check("locked download", files.locked_download, base + "/report.txt")
    run.check("first line of a returned stream", files.first_line, base + "/report.txt")
    run.check("returned stream of a missing file", files.open_stream, base + "/missing.txt")
    run.check("saved through closing()", saved)
    run.check("size through closing() alone", files.size, base + "/report.txt")
