"""Properties read as arguments (``assertEqual(page.links, ...)``): reads, not values."""

ROUTES = {
    "GET api.example.com /links?limit=max&title=Celtuce": (
        200,
        {"items": [{"title": "Lettuce"}, {"title": "Stem"}], "next": "2"},
    ),
    "GET api.example.com /links?from=2&limit=max&title=Celtuce": (
        200,
        {"items": [{"title": "China"}]},
    ),
    "GET api.example.com /summary?title=Celtuce": (200, {"text": "A lettuce grown for its stem."}),
}
