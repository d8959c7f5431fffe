"""Several calls per item, a call whose argument needs another's result, and the
names, quotes and f-strings the rewrite writes around them."""

ROUTES = {
    **{
        f"GET feed.example.com /api/users/{i}": (200, {"id": i, "name": f"user {i}"})
        for i in (1, 2, 3)
    },
    **{
        f"GET feed.example.com /api/users/{i}/post": (200, {"text": f"post {i}"}) for i in (1, 2, 3)
    },
    "GET feed.example.com /api/users/9": (404, {"error": "not found"}),
    "GET feed.example.com /api/users/9/post": (404, {"error": "not found"}),
}


def drive(run):
    feed = run.module("feed")
    for name in ("cards", "lines", "posts_after_users", "shouts", "odd_names", "texts", "own_user"):
        run.check(name, getattr(feed, name), [3, 1, 2])
        run.check(f"{name}, one missing", getattr(feed, name), [3, 9, 1])
    run.check("profile", feed.profile, 1, 2)
    run.check("profile, one missing", feed.profile, 9, 2)
    run.check("trio", feed.trio)
