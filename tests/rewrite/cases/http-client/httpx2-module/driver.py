"""The module-functions case written for httpx2 (--http-module httpx2)."""

ROUTES = {
    "GET api.example.com /users/7": (200, {"id": 7}),
    "GET api.example.com /moved": (302, None, {"Location": "/target"}),
    "GET api.example.com /target": (200, {"landed": True}),
    "HEAD api.example.com /target": (200, None),
    "DELETE api.example.com /target": (204, None),
}


def drive(run):
    client = run.module("client")
    run.check("user", client.fetch_user, 7)
    run.check("redirect followed", client.fetch_no_timeout, "/moved")
    run.check("redirect not followed", client.fetch_no_redirects, "/moved")
    run.check("split timeout", client.fetch_split_timeout, "/target")
    run.check("exists", client.exists, "/target")
    run.check("missing", client.exists, "/nowhere")
    run.check("delete with body", client.remove, "/target", "old")
    run.check("delete", client.remove_plain, "/target")
