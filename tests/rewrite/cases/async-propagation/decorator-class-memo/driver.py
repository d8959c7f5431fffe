"""A hand-written memo class as decorator: it caches results, not coroutines."""

ROUTES = {
    "GET api.example.com /search?limit=10&q=tea": (200, {"results": ["green", "black"]}),
    "GET api.example.com /search?limit=1&q=tea": (200, {"results": ["green"]}),
    "GET api.example.com /search?limit=10&q=down": (503, {"error": "down"}),
}


def drive(run):
    api = run.module("api")
    run.check("search", api.search, "tea")
    run.check("search again, from the memo", api.search, "tea")
    run.check("first", api.first, "tea")
    run.check("first again, from the memo", api.first, "tea")
    run.check("upstream down", api.search, "down")
    run.check("forget", api.forget)
    run.check("search after forgetting", api.search, "tea")
