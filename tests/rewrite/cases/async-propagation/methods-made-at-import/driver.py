"""Methods a class gets at import (``setattr(Node, f"get_{key}", _make_getter(field))``),
called by a name a parametrised test gives (``getattr(node, method_name)()``):
every name it gives is one of those methods, whose function became async, so
the call is awaited and the test becomes async."""

ROUTES = {
    "GET mon.example.com /monitor": (200, {"mem": 5, "swp": 7}),
}
