"""Loops over a map: the body's effects before a failure are kept. A pool's
map over several iterables (``repeat(field)``) is gathered the same way; one
the fan-outs do not carry (``timeout=``) keeps its threads, the function
bridged there."""

HOSTS = ("feeds",)
ROUTES = {
    **{
        f"GET feeds /v1/feeds/{i}": (
            200,
            {"id": i, "title": f"t{i}", "author": f"a{i}", "items": list(range(i * 60))},
        )
        for i in range(1, 5)
    },
    "GET feeds /v1/feeds/9": (404, {"error": "missing"}),
}


def drive(run):
    feeds = run.module("feeds")
    seen = {}
    run.check("titles", feeds.titles, [1, 2, 3], seen)
    failed = {}
    run.check("titles, one missing", feeds.titles, [1, 2, 3, 9], failed)
    run.check("titles before the failure", lambda: dict(failed))
    run.check("authors", feeds.authors, [3, 1, 2])
    run.check("sizes", feeds.sizes, [1, 2])
    run.check("first large", feeds.first_large, [1, 2, 3, 4])
    run.check("none large", feeds.first_large, [1])
    drive_more(run)


def drive_more(run):
    feeds = run.module("feeds")
    run.check("first with author, last", feeds.first_with_author, [1, 2, 3], "a3")
    run.check("first with author, none", feeds.first_with_author, [1, 2], "zz")
    run.check("a pool mapping over two iterables", feeds.fields, "title", [1, 2, 3])
    run.check("one of them failing", feeds.fields, "title", [1, 9, 2])
    run.check("with a timeout, the pool kept", feeds.fields_in_time, "author", [2, 1])
