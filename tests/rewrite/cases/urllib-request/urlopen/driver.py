"""urlopen with and without `with`, a Request with a body and a method, redirects."""

ROUTES = {
    "GET api.example.com /users/7": (200, {"id": 7, "name": "Ada"}),
    "GET api.example.com /users/8": (200, {"id": 8, "name": "Grace"}),
    "GET api.example.com /users/9": (302, None, {"Location": "/users/7"}),
    "GET api.example.com /users/404": (404, {"error": "no such user"}),
    "POST api.example.com /users": (201, {"id": 10}),
    "PUT api.example.com /users/7": (200, {"id": 7, "name": "Ada L."}),
}


def drive(run):
    client = run.module("client")
    run.check("user", client.fetch_user, 7)
    run.check("user, redirected", client.fetch_user, 9)
    run.check("user, missing raises", client.fetch_user, 404)
    run.check("create", client.create_user, "Linus")
    run.check("rename", client.rename_user, 7, "Ada L.")
    run.check("status", client.user_status, 8)
    run.check("status, missing raises", client.user_status, 404)
    run.check("raw body", client.raw_user, 7)
    run.check("raw body, missing raises", client.raw_user, 404)
    run.check("dashboard", client.dashboard, 7, 8)
    run.answer("GET api.example.com /users/8", 500, {"error": "internal"})
    run.check("dashboard, upstream fails", client.dashboard, 7, 8)
