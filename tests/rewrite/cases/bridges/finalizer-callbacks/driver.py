"""A fixture hands its clean-up to pytest's ``request.addfinalizer``, which
calls it at the fixture's teardown, when no loop runs: a clean-up that became
async goes there through ``async_to_sync``, also from a fixture that became
async itself (before, the plan said to restructure the call, and apply left
it to hand pytest a coroutine function, whose coroutine nobody awaits). The
case's own tests run before and after and send the same requests."""

ROUTES = {
    "POST api.example.com /items": (201, {"id": 1}),
    "DELETE api.example.com /items/1": (204, b""),
}
