"""Functions a loop takes from a tuple it spells out, called through the loop
variable (``for method, call in (("GET", api.get), ("DELETE", api.delete)):
call(path)``): each call of the variable is a call of every function the items
give there, so it is awaited, and a plain function among them becomes async with
the others (``local_status``, awaited by its other callers too). Before, the
loop's calls were left un-awaited (a coroutine compared with a dict); the case's
own tests run before and after."""

ROUTES = {
    "GET api.example.com /users": (200, [{"id": 1}]),
}


def drive(run):
    client = run.module("client")
    run.check("status", client.status)
    run.check("health", client.health)
