"""Files uploaded as requests uploads them: httpx refuses a file opened in
text mode and a StringIO (TypeError), which requests read and sent as UTF-8;
names bytes ``upload``, where requests named them after their field; and
fails on a None file, which requests leaves out. ``requests_files`` sends
each as requests did; a binary file's bytes in a named tuple go as written."""

import os
import tempfile

ROUTES = {
    "POST api.example.com /upload": (200, {"ok": True}),
}


def drive(run):
    uploads = run.module("uploads")
    with tempfile.TemporaryDirectory() as folder:
        report = os.path.join(folder, "report.csv")
        with open(report, "w", encoding="utf-8") as out:
            out.write("name,total\nzoë,3\n")
        image = os.path.join(folder, "image.png")
        with open(image, "wb") as out:
            out.write(b"\x89PNG\r\n")
        run.check("text file", uploads.upload_report, report)
        run.check("string buffer", uploads.upload_notes, "first\nsecond\n")
        run.check("bytes and none", uploads.upload_blob, b"\x00\x01")
        run.check("binary file", uploads.upload_binary, image)
        run.check("keywords", uploads.upload_with, report, timeout=5)
