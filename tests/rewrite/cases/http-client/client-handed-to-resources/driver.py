"""A client that hands itself to the resource objects it builds (``Users(self)``),
whose base class, in a module that never imports requests, sends through
``self._client.session`` or through the session it copies (``self.session =
client.session``): the modules the client is handed to are read, the bases'
requests are the client's session's, and all of it moves to httpx."""

ROUTES = {
    "GET svc.example.com /v1/users/1": (200, {"id": 1, "name": "ann"}),
    "GET svc.example.com /v1/users/9": (404, {"error": "none"}),
    "POST svc.example.com /v1/users": (201, {"id": 2, "name": "bob"}),
    "GET svc.example.com /v1/groups": (200, [{"id": 1}]),
}


def drive(run):
    client = run.module("svc.client")
    url = "https://svc.example.com/v1"
    run.check("name", client.user_name, 1)
    run.check("groups", lambda: client.Client(url, token="t0k").groups.list())
    run.check("create", lambda: client.Client(url).users.create(name="bob"))
    run.check("missing", lambda: client.Client(url).users.get(9))
