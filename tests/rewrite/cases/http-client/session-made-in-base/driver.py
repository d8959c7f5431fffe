"""A session a base class makes in its ``__init__`` (another module), used only by a
subclass's method: it becomes a client per loop where it is made (its
configuration moves into the factory), and ``close`` becomes ``aclose``. The
subclass's method used to await a requests.Session's response (the session
was looked for on the subclass, which does not make it)."""

PACKAGE = "shop"

ROUTES = {
    "GET api.example.com /users/1": (200, {"id": 1, "name": "Ada"}),
    "GET api.example.com /users/2": (200, {"id": 2, "name": "Grace"}),
}


def drive(run):
    users = run.module("shop.users")
    run.check("names", users.user_names, "https://api.example.com", [1, 2])
