"""A sync httpx client's streams: ``with client.stream(...) as r`` (and
``httpx.stream``) becomes ``async with``, and the response's iterators their
async twins with the same items (``iter_bytes(4)`` -> ``aiter_bytes(4)``,
``iter_lines()`` -> ``aiter_lines()``, ``read()`` -> ``await aread()``)."""

import os
import tempfile

ROUTES = {
    "GET api.example.com /blobs/a": (200, b"0123456789"),
    "GET api.example.com /blobs/gone": (404, {"error": "gone"}),
    "GET api.example.com /events": (200, b'{"n": 1}\n\n{"n": 2}\n'),
}


def drive(run):
    blobs = run.module("blobs")
    base = run.url("api.example.com")

    def downloaded(name):
        client = blobs.Blobs(base)
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "blob")
            try:
                run.call(client.download, name, path)
                with open(path, "rb") as fh:
                    return fh.read()
            finally:
                run.call(getattr(client, "aclose", None) or client.close)

    run.check("download", downloaded, "a")
    run.check("download gone", downloaded, "gone")
    run.check("first event", blobs.first_event, base)
    run.check("head", lambda: run.call(blobs.Blobs(base).head_of, "a"))
    run.check("size", blobs.size, base + "/blobs/a")
