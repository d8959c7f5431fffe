"""A decorator whose wrapper becomes async with the function that made it so
(``show`` fetches) also wraps functions that await nothing: ``version`` in the
module, and a function a test decorates with it. They become async too: the
wrapper awaits what it wraps, and their callers get a coroutine either way."""

ROUTES = {
    "GET api.example.com /me": (200, {"name": "Ada"}),
    "GET api.example.com /secret": (401, {"error": "no"}),
}
