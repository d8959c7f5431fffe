"""A test server's route callback that only sleeps (a slow upstream), handed to
the server, which keeps it and calls it from its own thread: it stays sync, its
``time.sleep`` with it, so the server still answers late and the request times
out (the tests are the driver)."""

ROUTES = {"GET example.com /items/b": (200, {"n": 2})}
