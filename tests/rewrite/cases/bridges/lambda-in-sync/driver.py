"""A sort key (a lambda, sync by contract) that calls a fetch."""

ROUTES = {
    "GET api.example.com /a": (200, {"score": 3}),
    "GET api.example.com /b": (200, {"score": 7}),
    "GET api.example.com /c": (200, {"score": 5}),
}


def drive(run):
    sorting = run.module("sorting")
    urls = [run.url("api.example.com") + p for p in ("/a", "/b", "/c")]
    run.check("best", sorting.best, urls)
    run.check("first", sorting.first_score, urls)
