"""requests' functions imported from the module that defines them
(``from requests.api import get, request``) are requests' functions: they move
to httpx as ``requests.get`` does (before, nothing changed)."""

ROUTES = {
    "GET api.example.com /users/7": (200, {"id": 7}),
    "DELETE api.example.com /users/7": (204, b""),
}


def drive(run):
    fetch = run.module("fetch")
    run.check("user", fetch.user, 7)
    run.check("remove", fetch.remove, 7)
