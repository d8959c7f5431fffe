"""Auth classes handed by name to the factory that makes a session
(``self._build_session(SignedAuth, key)``, which sets ``session.auth =
auth_class(*args)``): the signed one registers a response hook on the request, which an
httpx.Request lacks, so it stays a requests auth, and every session the
factory makes stays on requests with its calls (run in a thread from code
that became async); the token auth, handed to the same factory, stays a
requests auth too. Before, the factory moved to httpx and the AsyncClient was
given the signed auth (AttributeError on the first request)."""

ROUTES = {
    "GET api.example.com /health": (200, {"ok": True}),
    "GET api.example.com /user": (200, {"id": 1}),
}


def drive(run):
    client = run.module("client")
    run.check("signed", client.signed_status, "k")
    run.check("token", client.token_status, "t")
