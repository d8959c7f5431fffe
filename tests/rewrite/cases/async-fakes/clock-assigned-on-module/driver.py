"""A test clock put in place by assigning ``time.sleep`` on the module (saved in a
dict and put back in tearDown) moves to ``asyncio.sleep`` with the code it
stands in for: the rate limiter's waits still go through it, and the saved
original is asyncio's."""

ROUTES = {
    "GET names.example.com /names/ada": (200, {"name": "Ada"}),
}
