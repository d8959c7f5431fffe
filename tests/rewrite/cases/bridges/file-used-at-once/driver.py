"""A file opened and used at once (``open(path, "w").write(s)``) in code that
becomes async: the open, the write and the close (when the temporary goes)
are made in one trip to a worker thread, so what is written is on disk when
the next line reads it, as it was when the file closed on the caller's
thread. Offloading only the ``open()`` left the file open and unflushed."""

ROUTES = {
    "GET api.example.com /note": (200, {"title": "tea", "body": "green"}),
}


def drive(run):
    notes = run.module("notes")
    path = str(run.root / "note.json")
    run.check("written, then read back", notes.save_note, run.url("api.example.com"), path)
