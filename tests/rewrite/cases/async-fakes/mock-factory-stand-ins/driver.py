"""Test helpers making plain mocks that stand in for project objects
(``MockProject`` handed as what ``Client.project`` returns): the stand-in's
method that became async is an AsyncMock, the lists it gives for properties
that give async generators now are taken with ``async for`` and still
indexed, and the async methods it leaves unconfigured (``write_to``, an
auto-made child) are AsyncMocks the test asserts on as before. One test
reaches the service itself."""

ROUTES = {
    "GET api.example.com /projects/p1": (200, {"storages": "/p1/storages"}),
    "GET api.example.com /p1/storages": (
        200,
        [{"name": "osf", "files": "/p1/osf"}, {"name": "gh", "files": "/p1/gh"}],
    ),
    "GET api.example.com /p1/gh": (
        200,
        [
            {"path": "/todo.md", "download": "/dl/1", "delete": "/rm/1"},
            {"path": "/notes.md", "download": "/dl/2", "delete": "/rm/2"},
        ],
    ),
    "GET api.example.com /dl/2": (200, b"# notes"),
}
