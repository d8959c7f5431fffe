"""A test in a base test class calls a method named at run time
(``getattr(bound_model, method.__name__)(...)``) after putting a
``MagicMock`` in place of the client's method of that name
(``setattr(resource_client, name, mock)``); the fixtures giving both objects
are defined by the subclasses, in other modules. Every public method of the
classes they give becomes async: the test awaits the call and the mock
becomes an ``AsyncMock``."""

ROUTES = {
    "PUT api.example.com /notes/7": (200, {"id": 7, "title": "seven"}),
}
