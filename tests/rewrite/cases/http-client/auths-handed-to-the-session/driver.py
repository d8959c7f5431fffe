"""Auths handed to a session through a parameter (``self.session.auth =
auth``, the callers giving a ``SignedAuth()`` or a ``TokenAuth(t)``): the
signed one registers a response hook on the request, which an httpx.Request lacks, so it
stays a requests auth, and the session it reaches stays on requests with its
calls (run in a thread from code that became async); the token auth, handed
to that same session, stays a requests auth too. Before, the session became
an AsyncClient given the signed auth (AttributeError on the first request)."""

ROUTES = {
    "GET api.example.com /health": (200, {"ok": True}),
    "GET api.example.com /user": (200, {"id": 1}),
}


def drive(run):
    client = run.module("client")
    run.check("signed", client.signed_status)
    run.check("token", client.token_status, "t")
