"""A decorator factory turning one error into another (python-gitlab's
``on_http_error(error)``), typed: its wrapper is handed back as ``cast(F,
wrapped_f)``. The wrapper becomes async with the methods it wraps and awaits the
function it is given, not the factory's own parameter (the exception class it
raises); a test decorating a function of its own with it follows. Before, the
wrapper stayed sync, so the error it converts escaped unconverted from the
coroutine it handed back; the case's own tests run before and after."""

ROUTES = {
    "POST hooks.example.com /hooks/1/test": (200, {"ok": True}),
    "POST hooks.example.com /hooks/2/test": (422, {"message": "hook failed"}),
}


def drive(run):
    hooks = run.module("api.hooks")
    run.check("passes", hooks.test_hook, 1)
    run.check("fails", hooks.test_hook, 2)
