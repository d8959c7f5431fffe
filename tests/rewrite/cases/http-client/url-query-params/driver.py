"""``params=`` on a URL that has a query already (a next page's link): requests
adds them to it, httpx would replace it; the migrated code keeps the query."""

ROUTES = {
    "GET api.example.com /search?lang=en&q=lamp": (200, {"hits": 3}),
    "GET api.example.com /search?q=lamp": (200, {"hits": 9}),
}


def drive(run):
    feed = run.module("feed")
    base = run.url("api.example.com")
    # Without the link's ``page=2`` the first page would come back again.
    first = {"items": [1, 2], "next": f"{base}/items?page=2"}
    again = {"items": ["again"], "next": None}  # asked twice: the link's query was lost
    run.upstreams["api.example.com"].routes["GET api.example.com /items?per_page=2"] = [
        (200, first),
        (200, again),
    ]
    run.answer("GET api.example.com /items?page=2&per_page=2", 200, {"items": [3], "next": None})
    run.check("every page", feed.all_items, f"{base}/items")
    run.check("search in a language", feed.search, f"{base}/search?lang=en", "lamp")
    # The query written in a URL built from parts (``base + "/search?lang=en"``).
    run.check("search in English", feed.english, base, "lamp")
