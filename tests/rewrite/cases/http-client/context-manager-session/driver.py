"""A ``@contextmanager`` that makes a session, sets it up, yields it (and
closes it after): each ``with api_session(token) as session`` block fetched
on a requests.Session, which stayed (refused: the factory "sends a request").
It now makes an ``httpx.AsyncClient`` with the same setup, under
``@asynccontextmanager``, closed with ``await session.aclose()``, and each
block is ``async with``; the token is sent, a failure still raises."""

ROUTES = {
    "GET api.example.com /me": (200, {"name": "ada"}),
    "GET api.example.com /status": (200, {"state": "up"}),
    "GET down.example.com /me": (401, {"error": "no"}),
}


def drive(run):
    sessions = run.module("sessions")
    base = run.url("api.example.com")
    run.check("whoami", sessions.whoami, base, "t0k")
    run.check("refused", sessions.whoami, run.url("down.example.com"), "bad")
    run.check("both", sessions.both, base, "t0k")
    run.check("header", sessions.auth_header, "t0k")
