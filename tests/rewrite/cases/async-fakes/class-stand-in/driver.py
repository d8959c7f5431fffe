"""A patched class standing in for a site whose methods become async: its tests run."""

ROUTES = {
    "GET wiki.example.com /api/page?title=Main": (200, {"title": "Main"}),
    "GET wiki.example.com /api/text?title=Main": (200, {"text": "Welcome"}),
}
