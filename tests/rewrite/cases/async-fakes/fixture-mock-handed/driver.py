"""A fixture's MagicMock handed to a class that keeps it (``self._client = client``)
and calls its ``get_by_id``, which becomes async: the mock gets ``get_by_id`` as an
AsyncMock (it answered the awaited call with a plain dict, a TypeError), also
where a fixture gives the class itself (``user_class(client, 8)``, a subclass the
fixture defines); the case's own tests run before and after."""

ROUTES = {
    "GET api.example.com /users/7": (200, {"id": 7, "name": "Ada"}),
}


def drive(run):
    client = run.module("client")
    users = run.call(client.Users)
    user = run.call(client.User, users, 7)
    run.check("name", user.name)
