"""A requests AuthBase becomes an httpx.Auth: ``__call__(self, r)`` -> ``auth_flow``
yielding the request; one that reads ``r.body`` reads requests' view of it
(``request_body``) once httpx has read the body.
"""

# ``data=text`` of a type known only at run time goes on as ``data=``, which httpx
# sends as raw content, warning that ``content=`` is its name for it.
WARNS = {"Use 'content=<...>'": "raw text given as data=, as the code gave it"}

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
