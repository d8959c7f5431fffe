"""A form posted with files, its field names given as bytes (``{k.encode():
v.encode()}``): requests sends them as the text they encode; httpx's
multipart form refuses a bytes name (TypeError), so ``requests_body`` gives
names as text as it does values. The upstream sees the same parts."""

ROUTES = {
    "POST api.example.com /upload": (200, {"stored": True}),
}


def drive(run):
    upload = run.module("upload")
    run.check("a dict of bytes", upload.upload, {"title": "Notes", "tag": "a"}, b"hello")
    run.check("pairs repeating a name", upload.upload_pairs, [("tag", "a"), ("tag", "b")], b"x")
