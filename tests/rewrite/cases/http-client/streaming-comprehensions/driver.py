"""Streamed bodies read in comprehensions, text and bytes."""

ROUTES = {"GET api.example.com /file": (200, {"text": "héllo wörld"})}


def drive(run):
    chunks = run.module("chunks")
    url = run.url("api.example.com") + "/file"
    run.check("text", chunks.text, url)
    run.check("size", chunks.size, url)


# `with requests.get(..., stream=True) as resp:` is left as requests (with a
# TODO) while the loops over it become `async for ... aiter_*()`: the
# migrated functions fail with TypeError/AttributeError.
