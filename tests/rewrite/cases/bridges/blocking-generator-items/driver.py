"""A sync generator that reads a file, looped over by functions that become
async: each of its items is made on a worker thread (``async for line in
thread_items(lines(name))``), so the file is not read on the event loop, and
the loop sees the same lines; making the generator runs none of it, so a
generator handed to a request's body is handed as it is, not bridged."""

ROUTES = {
    "POST notes.example.com /lines": (201, {}),
    "GET notes.example.com /limit": (200, {"limit": 10}),
    "PUT notes.example.com /notes": (204, b""),
}


def drive(run):
    publish = run.module("publish")
    base = run.url("notes.example.com")
    run.check("publish", lambda: run.call(publish.publish, base + "/lines", "notes.txt"))
    run.check("longest", lambda: run.call(publish.longest, base + "/limit", "notes.txt"))
    run.check("upload", lambda: run.call(publish.upload, base + "/notes", "notes.txt"))
