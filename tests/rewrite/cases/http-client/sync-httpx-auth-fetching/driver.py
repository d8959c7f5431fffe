"""An httpx.Auth whose flow fetches a token with a sync client: the flow becomes
``async_auth_flow`` (what an AsyncClient runs), fetching the token once, before
the first request it signs."""

ROUTES = {
    "POST auth.example.com /token": (200, {"access_token": "t0k"}),
    "GET api.example.com /items/lamp": (200, {"name": "lamp"}),
    "GET api.example.com /items/desk": (200, {"name": "desk"}),
}


def drive(run):
    api = run.module("api")
    base, token = run.url("api.example.com"), run.url("auth.example.com") + "/token"
    run.check("item", api.item, base, token, "lamp")
    run.check("missing item", api.item, base, token, "chair")
