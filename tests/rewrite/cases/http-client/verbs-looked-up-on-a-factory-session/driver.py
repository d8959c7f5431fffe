"""A session a factory method makes (``self._build_session(TokenAuth, token)``,
which sets ``session.auth = auth_class(*args)``), whose verbs are looked up by
name (``getattr(self.session, method)(url, **kwargs)``): the factory moves to
httpx with its auth, kept per event loop, and the looked-up calls are awaited.
Before, the lookups were not followed: nothing became async, yet the auth
became an httpx.Auth that the requests session could not call."""

ROUTES = {
    "GET api.example.com /user": (200, {"id": 1, "name": "ada"}),
    "POST api.example.com /notes": (201, {"id": 7}),
    "GET api.example.com /missing": (404, {"error": "none"}),
}


def drive(run):
    client = run.module("client")
    run.check("user", client.user_name, "t1")
    run.check("note", client.add_note, "t1", "hello")
    run.check("missing", client.missing, "t1")
