"""A requests.Session subclass that stays on requests (it mounts an adapter),
held by a class one of whose methods becomes async (it sleeps): the calls made
through the kept session, and the sync method making them, run on a worker
thread through ``sync_to_async``, so they do not block the event loop; the
responses they give stay requests' (``raise_for_status()`` as before, no
``is_error``, which requests' responses lack)."""

ROUTES = {
    "GET api.example.com /terms": (200, {"version": 3}),
    "POST api.example.com /accept": (201, {"accepted": 3}),
}


def drive(run):
    client = run.module("client")
    run.check("terms", lambda: client.Api().terms())
    run.check("accept", lambda: client.Api().accept())
    run.answer("POST api.example.com /accept", 409, {"error": "stale"})
    run.check("accept refused", lambda: client.Api().accept())
    run.answer("GET api.example.com /terms", 503, {"error": "down"})
    run.check("terms down", lambda: client.Api().terms())
