"""Mixins calling ``super()`` with no bases of their own: what it reaches is
the next class in the order of each class mixing them in (``User(CountMixin,
NameMixin, Resource)``: CountMixin's reaches NameMixin's, which reaches
Resource's). Those that fetch become async and await it."""

ROUTES = {
    "GET people.example.com /users/1": (200, {"name": "Ada"}),
    "GET people.example.com /users/9": (404, {"error": "gone"}),
}


def drive(run):
    users = run.module("users")
    base = run.url("people.example.com")
    run.check("load", users.load, base, 1)
    run.check("gone", users.load, base, 9)
