"""A body read whole, iterated as requests iterates it: lines as bytes (httpx's
iter_lines() gives str), chunks of the size asked for (one byte when none is).
Lines decoded with decode_unicode=True keep a TODO."""

ROUTES = {
    "GET feed.example.com /news": (200, b"first line\r\nsecond line\nthird"),
    "GET feed.example.com /empty": (200, b""),
}


def drive(run):
    feed = run.module("feed")
    run.check("lines", feed.lines, "news")
    run.check("decoded lines", feed.words, "news")
    run.check("chunks", feed.chunks, "news")
    run.check("one byte at a time", feed.bytes_one_by_one, "news")
    run.check("empty body", feed.lines, "empty")


GAPS = {
    # The rule's TODO: requests decodes only when the headers name a charset (here
    # none: bytes lines), httpx's lines are always str.
    "decoded lines": "bytes words before, str words after",
}
