"""A requests auth that fetches a token the first time it signs a request:
an httpx.Auth whose async_auth_flow awaits the token's request (an auth_flow,
run by the async client as it is, would block the loop on a sync request)."""

ROUTES = {
    "POST api.example.com /token": (200, {"token": "t0k"}),
    "GET api.example.com /me": (200, {"name": "ada"}),
}


def drive(run):
    client = run.module("api").Client(run.url("api.example.com"), "k3y")
    run.check("me, the token fetched first", client.me)
    run.check("me again, the token kept", client.me)
    run.answer("POST api.example.com /token", 401, {"error": "bad key"})
    other = run.module("api").Client(run.url("api.example.com"), "wrong")
    run.check("a bad key", other.me)
