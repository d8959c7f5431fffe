"""A requests AuthBase becomes an httpx.Auth: ``__call__(self, r)`` -> ``auth_flow``
yielding the request; one that reads ``r.body`` reads requests' view of it
(``request_body``) once httpx has read the body.
"""

ROUTES = {
    "GET api.example.com /items/1": (200, {"id": 1}),
    "GET api.example.com /items/2": (404, {"error": "missing"}),
    "POST api.example.com /items": (201, {"id": 9}),
    "POST api.example.com /signed": (204, None),
}


def drive(run):
    api = run.module("api")
    run.check("item, token sent", api.item, 1)
    run.check("missing item", api.item, 2)
    run.check("create, token and write header sent", api.create, {"name": "x"})
    run.check("signed body", api.signed, "abc")
