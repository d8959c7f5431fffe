"""A thread pool mapping a method that holds a threading.Lock while it fetches
(a token refreshed once): as tasks of one loop, the second would block the
loop's thread on the lock the first holds while it awaits. The pool stays,
each thread running the method through async_to_sync, as before."""

ROUTES = {
    "POST api.example.com /token": (200, {"token": "t0k"}),
    **{f"GET api.example.com /items/{n}": (200, {"id": n}) for n in range(1, 9)},
}


def drive(run):
    client = run.module("client").Client(run.url("api.example.com"))
    run.check("items, the token fetched once", client.items, list(range(1, 9)))
    run.check("items again, the token kept", client.items, [1, 2])
