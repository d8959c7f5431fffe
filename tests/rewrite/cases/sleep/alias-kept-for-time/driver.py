"""time imported under an alias: sleep moves to asyncio, time.time stays."""

ROUTES = {"GET api.example.com /a": (200, {"a": 1})}


def drive(run):
    poll = run.module("poll")

    def timed(url):
        status, elapsed = run.call(poll.timed_fetch, url)
        return status, elapsed >= 0.1  # it still waited

    run.check("timed fetch", timed, run.url("api.example.com") + "/a")
