"""Project classes that extend requests (an AuthBase, a Session subclass) keep requests.

The calls handed them, or made through them, stay as they are (the plan says
why); the plain call next to them moves to httpx.
"""

ROUTES = {
    "GET api.example.com /items/1": (200, {"id": 1}),
    "GET api.example.com /items/2": (404, {"error": "missing"}),
}


def drive(run):
    api = run.module("api")
    run.check("private item", api.private_item, 1)
    run.check("through the session subclass", api.session_item, 1)
    run.check("prepared and sent", api.prepared_item, 1)
    run.check("public item", api.public_item, 1)
    run.check("public item missing", api.public_item, 2)
    run.check("both", api.both, 1)
