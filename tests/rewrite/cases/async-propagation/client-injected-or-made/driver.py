"""A client whose HTTP layer its caller may hand in, else one it makes: an
accessor returns the one handed in or a new ``HttpClient`` (``if``/``return``,
``a or b``, ``a if c else b``). Nothing in the project hands one in, so the
accessor gives an HttpClient, whose ``request`` becomes async: every call
through it is awaited. A test handing in a plain Mock (to the constructor, or
to one keeping ``http_client or HttpClient(...)``) gets its ``request`` as an
AsyncMock."""

ROUTES = {
    "GET api.bird.example.com /balance": (200, {"amount": 9}),
    "GET api.bird.example.com /messages/m1": (200, {"id": "m1", "body": "hi"}),
    "POST api.bird.example.com /messages": (201, {"id": "m2"}),
    "GET api.bird.example.com /messages/gone": (404, {"error": "gone"}),
}


def drive(run):
    client = run.module("bird.client").Client
    run.check("balance", lambda: client().balance())
    run.check("message", lambda: client().message("m1"))
    run.check("send", lambda: client().send("hello"))
    run.check("missing", lambda: client().message("gone"))
    run.check("amount", lambda: run.module("bird.client").Balance().amount())
