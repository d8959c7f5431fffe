"""A requests.Session subclass becomes an httpx.AsyncClient subclass.

Its override of ``request`` still sees every call (httpx's verbs call
``self.request``), its own methods await the inherited ones, ``with`` becomes
``async with``, ``close()`` becomes ``aclose()`` and requests' keywords passed
to the inherited verbs are translated.
"""

ROUTES = {
    "GET api.example.com /items/1": (200, {"id": 1}),
    "GET api.example.com /items/2": (404, {"error": "missing"}),
    "GET api.example.com /users/7": (200, {"id": 7}),
    "POST api.example.com /items": (303, {}, {"Location": "/items/9"}),
}


def drive(run):
    api = run.module("api")
    run.check("item", api.item, 1)
    run.check("missing item", api.item, 2)
    run.check("item and count", api.item_and_count, 1)
    run.check("user", api.user, 7)
    run.check("create, no redirect followed", api.create, {"name": "x"})


# The legacy code never closes the sessions item() and create() make; their
# clients warn when collected (sockets left open), where the rewrite leaves a TODO.
WARNS = {"unclosed": "item() and create() never close their session (a TODO says so)"}
