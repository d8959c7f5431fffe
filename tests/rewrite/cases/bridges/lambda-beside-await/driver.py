"""A function that awaits a fetch and also calls it from a lambda stays sync
(a lambda cannot await), and async code calls it on a worker thread, where
its async_to_sync bridges can reach the running loop."""

ROUTES = {
    "GET api.example.com /a": (200, {"score": 3}),
    "GET api.example.com /b": (200, {"score": 7}),
    "GET api.example.com /c": (200, {"score": 5}),
}


def drive(run):
    ranking = run.module("ranking")
    urls = [run.url("api.example.com") + p for p in ("/a", "/b", "/c")]
    run.check("report", ranking.report, urls)
    run.check("ranked", ranking.ranked, urls)
