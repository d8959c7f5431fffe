"""Generators whose consumers cannot follow them stay sync; the rest migrates, any()
and enumerate() over a generator included (aany, aenumerate)."""

ROUTES = {
    "GET api.example.com /p2": (200, {"items": [3], "next": None}),
    "GET api.example.com /p1/stats": (200, {"count": 3}),
}


def drive(run):
    use = run.module("feed.use")
    base = run.url("api.example.com")
    run.answer("GET api.example.com /p1", 200, {"items": [1, 2], "next": base + "/p2"})
    run.check("big page", use.has_big_page, base + "/p1")
    run.check("sizes", use.page_sizes, base + "/p1")
    run.check("summary", use.summary, base + "/p1")
    run.check("sized items", use.sized_items, base + "/p1")
    run.check("counted items", use.counted_items, base + "/p1")
