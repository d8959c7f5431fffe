"""A client pacing its requests with a rate limiter that sleeps under a
``threading.Lock``: the limiter's wait stays before each request (it paces it,
as a sleep does), and the loop over items stays sequential: run together, a
second task would block the loop's thread on the lock the first holds while it
awaits its sleep."""

ROUTES = {
    "GET api.example.com /a": (200, {"id": "a"}),
    "GET api.example.com /b": (200, {"id": "b"}),
    "GET api.example.com /c": (200, {"id": "c"}),
}


def drive(run):
    base = run.url("api.example.com")
    api = run.module("api")
    run.check("paced, in order", api.fetch_all, base, ["/a", "/b", "/c"])
