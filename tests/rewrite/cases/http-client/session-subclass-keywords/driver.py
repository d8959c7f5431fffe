"""A Session subclass whose request() names requests' keywords (data=,
timeout=) or looks inside its **kwargs gets them as requests' verbs hand them
on: only those given, a raw body as data, no USE_CLIENT_DEFAULT.
"""

ROUTES = {
    "GET api.example.com /items": (200, {"items": [1]}),
    "GET api.example.com /items?page=2": (200, {"items": [2]}),
    "POST api.example.com /forms": (200, {"ok": True}),
    "POST api.example.com /raw": (200, {"ok": True}),
    "GET api.example.com /old": (302, None, {"Location": "https://api.example.com/items"}),
}


def drive(run):
    api = run.module("api")
    run.check("a default timeout set in kwargs", api.default_timeout)
    run.check("a timeout given", api.given_timeout)
    run.check("the token added to the form", api.form)
    run.check("a form of the token alone", api.empty_form)
    run.check("a raw body kept, token in a header", api.raw)
    run.check("query and header", api.listing)
    run.check("redirect not followed", api.moved)
