"""A session's verb picked by name (``func = getattr(self.session,
method.lower()); func(url)``) or kept in a local (``send =
self.session.put``), where the session is given an auth that reads
``request.register_hook`` (an httpx.Request has no hooks): the session stays on
requests with every call through it, as it does when its verbs are called by
name. Before, the looked-up calls were awaited on an AsyncClient handed the
requests auth (AttributeError on the first request). Another class's session
with no such auth still becomes an AsyncClient."""

ROUTES = {
    "GET api.example.com /user": (200, {"id": 1}),
    "PUT api.example.com /user": (200, {"name": "ada"}),
    "GET api.example.com /feed": (200, {"entries": []}),
}


def drive(run):
    client = run.module("client")
    run.check("summary", client.summary, "k1")
