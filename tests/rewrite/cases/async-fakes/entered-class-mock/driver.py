"""A patched class set up through ``__enter__`` (what ``with Client(...) as c``
gives) while the code now enters it with ``async with``: the test's set-up
answers the async entry, and its tests run."""

ROUTES = {"GET shop.example.com /items/lamp": (200, {"name": "Lamp"})}
