"""A client closed by its finalisers: ``__del__`` calling ``close()``, and
``atexit.register(client.close)`` or an ``@atexit.register`` function. They
stay sync (Python calls them and drops what they return) and run wherever the
object is collected or the interpreter exits, often with no loop there, or
inside a running one: never through async_to_sync, which raises on a running
loop and cannot start its thread once the interpreter is shutting down."""

ROUTES = {
    "GET api.example.com /items/1": (200, {"id": 1, "name": "one"}),
}
