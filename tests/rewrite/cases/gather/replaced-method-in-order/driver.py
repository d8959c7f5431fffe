"""Independent calls of a method that a test replaces on an instance (``site.members
= broken``) stay in order: what stands in may raise as it is called, before the
calls made together are awaited, leaving the first one never awaited."""

ROUTES = {
    "GET wiki.example.com /categories/chess/parents": (200, ["games"]),
    "GET wiki.example.com /categories/chess/members": (200, ["openings"]),
}
