"""Functions an instance keeps to call later: ``partial(endpoint.get, ...)`` (the
endpoint handed in as a parameter, rebound before it is kept) and a bound
method (``users.count``) kept in an attribute. The calls through the attribute
are the kept function's: awaited once it becomes async, the generator making
them an async generator, consumed with ``async for``; a consumer that stops
early asks for no second page."""

ROUTES = {
    "GET api.example.com /users?page=1&size=2": (
        200,
        {"items": [{"name": "ada"}, {"name": "bob"}], "more": True},
    ),
    "GET api.example.com /users?page=2&size=2": (200, {"items": [{"name": "cy"}], "more": False}),
    "GET api.example.com /users/count": (200, {"count": 3}),
}


def drive(run):
    users = run.module("api.users")
    base = run.url("api.example.com")
    run.check("every name, page by page", users.names, base)
    run.check("the first name, one page", users.first, base)
    run.check("the count", users.total, base)
