"""Project classes that extend requests (an AuthBase, a Session subclass) keep requests.

The calls handed them, or made through them, stay as they are (the plan says
why); the plain call next to them moves to httpx. A session given such an
object keeps requests for every call made through it.
"""

ROUTES = {
    "GET api.example.com /items/1": (200, {"id": 1}),
    "GET api.example.com /items/2": (404, {"error": "missing"}),
    "GET api.example.com /items/3": [(503, {"error": "busy"}), (200, {"id": 3})],
}


def drive(run):
    api = run.module("api")
    run.check("private item", api.private_item, 1)
    run.check("through the session subclass", api.session_item, 1)
    run.check("prepared and sent", api.prepared_item, 1)
    run.check("public item", api.public_item, 1)
    run.check("public item missing", api.public_item, 2)
    run.check("both", api.both, 1)
    client = run.module("client")
    # The session's auth is a requests-only object: it stays a requests.Session,
    # its calls offloaded; the backoff from another module's factory method
    # becomes async and is awaited.
    run.check("client item", lambda: client.Client("secret").item(1))
    run.check("client item after a 503", lambda: client.Client("secret").item(3))
    run.check("client item missing", lambda: client.Client("secret").item(2))
