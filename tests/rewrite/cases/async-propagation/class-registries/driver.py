"""A module's dict from a kind to its class (``CLASS_MAP = {"artist":
Artist, ...}``), only read by key to call what it picks, right there
(``CLASS_MAP[item["type"]](client, item)``) or through a local only called
(``wrapper = CLASS_MAP.get(kind, Model)``): each such call makes one of its
classes (or the default), so the models' client is the Client they are
given there and ``self.client.get()`` in ``Model.refresh`` is awaited, where
the classes were values no call showed the making of (refused as a whole).
An unknown kind fails as before (KeyError), or gets the default class."""

ROUTES = {
    "GET api.example.com /artists/1": (200, {"name": "nina", "url": "/artists/1"}),
    "GET api.example.com /artists/1/releases": (
        200,
        [{"type": "release", "url": "/releases/1"}, {"type": "release", "url": "/releases/2"}],
    ),
    "GET api.example.com /releases/1": (200, {"name": "wild is the wind"}),
    "GET api.example.com /releases/2": (200, {"name": "pastel blues"}),
    "GET api.example.com /labels/1": (200, {"name": "philips"}),
}


def drive(run):
    api = run.module("api")
    base = run.url("api.example.com")
    run.check("artist", api.refreshed_name, base, {"type": "artist", "url": "/artists/1"})
    run.check("unknown kind", api.refreshed_name, base, {"type": "label", "url": "/labels/1"})
    run.check("releases", api.release_names, base, "/artists/1")
    items = [{"type": "release", "url": "/releases/1"}, {"type": "label", "url": "/labels/1"}]
    run.check("all, default class", api.all_names, base, items)
