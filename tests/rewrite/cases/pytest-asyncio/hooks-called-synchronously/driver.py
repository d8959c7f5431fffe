"""Hooks the test runner calls synchronously (unittest's setUpClass and
tearDownClass, pytest's setup_module and setup_method): neither unittest nor
pytest-asyncio awaits them, so they stay sync and reach the code that became
async through async_to_sync (the tests are the driver)."""

ROUTES = {
    "GET example.com /health": (200, {"ok": True}),
    "GET example.com /items/1": (200, {"id": 1, "name": "first"}),
    "GET example.com /items/2": (200, {"id": 2, "name": "second"}),
}
