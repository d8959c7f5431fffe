"""A function whose parameter is typed only by its callers, who make the
instance from a class the package re-exports (``from scan import Scanner,
export_stars`` in a test): the parameter holds ``scan.api.Scanner``, so its
``scanner.get(...)`` is awaited and the function becomes async."""

ROUTES = {
    "GET gh.example.com /repos/acme/a/stats": (200, {"stars": 3}),
    "GET gh.example.com /repos/acme/bb/stats": (200, {"stars": 5}),
}
