"""A test's callable class wrapping the method it replaces (a spy) becomes async
and awaits the method it was handed: its tests run."""

ROUTES = {
    "GET shelf.example.com /books": (200, [{"title": "Dune"}, {"title": "Emma"}]),
}
