"""A pytest-mock stub (``mocker.stub()``) put in place of a method that became
async: specced on a function, it passes for a coroutine function, so an
AsyncMock wrapping it would await the MagicMock it returns. It becomes
``mocker.AsyncMock(...)`` where it is made, and the test asserts on it as
before."""

ROUTES = {
    "GET ci.example.com /api": (
        200,
        {"jobs": [{"name": "Foo", "color": "blue"}, {"name": "sub", "url": "/sub"}]},
    ),
    "GET ci.example.com /sub": (200, {"jobs": [{"name": "Bar", "color": "red"}]}),
}
