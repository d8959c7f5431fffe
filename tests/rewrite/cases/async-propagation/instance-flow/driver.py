"""A client class reached through attributes, parameters, a factory and a default."""

import os

ROUTES = {
    "GET social.example.com /v1/users/1": (200, {"name": "Ann", "handle": "ann"}),
    "GET social.example.com /v1/users/2": (200, {"name": "Bob", "handle": "bob"}),
    "GET social.example.com /v1/users/1/following": (200, {"ids": [2]}),
}


def drive(run):
    base = run.url("social.example.com")
    os.environ["SOCIAL_URL"] = base
    try:
        api = run.module("crm.api")
        service = run.module("crm.service")
        run.check("cards", service.Directory(base).cards, [1, 2])
        run.check("handle", service.handle_of, api.SocialApi(base), 2)
        run.check("constructor", service.name_via_constructor, base, 1)
        run.check("factory", service.name_via_factory, 1)
        run.check("default", service.name_via_default, 2)
        run.check("followed", service.followed_names, 1)
        run.check("missing user", service.name_via_constructor, base, 3)
    finally:
        del os.environ["SOCIAL_URL"]
