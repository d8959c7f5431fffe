"""A loop gathered over a helper named ``get_json``, in a function that also
catches ``requests.RequestException``: the results are not named ``json``,
which would hide the ``json`` module the rewritten ``except`` clause names
(``json.JSONDecodeError``)."""

ROUTES = {
    "GET feeds.example.com /feeds/f1": (200, {"count": 3}),
    "GET feeds.example.com /feeds/f2": (200, {"count": 5}),
    "GET feeds.example.com /feeds/pinned": (404, {"message": "not found"}),
}


def drive(run):
    base = run.url("feeds.example.com")
    feeds = run.module("feeds")
    run.check("counts, the pinned feed missing", feeds.feed_counts, base, ["f1", "f2"])
    run.check("no feeds", feeds.feed_counts, base, [])
