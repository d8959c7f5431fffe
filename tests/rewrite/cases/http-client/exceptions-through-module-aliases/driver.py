"""requests' exceptions named through an alias of their module (``from
requests import exceptions as errors``, ``import requests.exceptions as
request_errors``) become httpx's, as the spelled-out names do. Before, they
stayed requests' classes, which httpx's errors never match: the except
clauses let the errors through."""

ROUTES = {
    "GET api.example.com /items/a": (200, {"name": "a"}),
    "GET api.example.com /items/b": (404, {"error": "missing"}),
}


def drive(run):
    client = run.module("client")
    run.check("found", client.item, "a")
    run.check("missing", client.item, "b")
    run.check("strict found", client.status_of, "a")
    run.check("strict missing", client.status_of, "b")
