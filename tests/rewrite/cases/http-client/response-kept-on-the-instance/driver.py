"""A client keeping its last response on the instance (``self.last =
requests.get(url)``), read in its other methods and in the wrapper of a
decorator on them (``self.last.url``, ``.ok``, ``.reason``): each read gets
the fixes a response held in a local gets (``str(self.last.url)``, ``not
self.last.is_error``, ``.reason_phrase``). Before, they stayed as written:
``"tags" in self.last.url`` raised TypeError on httpx's URL."""

ROUTES = {
    "GET api.example.com /users/7/items": (200, [{"id": 1}], {"Total-Results": "1"}),
    "GET api.example.com /users/7/tags": (200, ["a", "b"], {"Total-Results": "2"}),
    "GET api.example.com /users/8/items": (404, {"error": "missing"}),
}


def drive(run):
    library = run.module("library")
    run.check("browse", library.browse, 7)
    run.check("missing", library.browse, 8)
