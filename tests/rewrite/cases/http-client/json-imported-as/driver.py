"""A module that imports json under another name (``import json as jsonlib``):
the ``json.JSONDecodeError`` an ``except requests.RequestException`` now also
catches (httpx's ``.json()`` raises it) is written ``jsonlib.JSONDecodeError``,
with no second import of json. An invalid body is still caught."""

ROUTES = {
    "GET api.example.com /items/ok": (200, {"ok": True}),
    "GET api.example.com /items/missing": (404, {"error": "no such thing"}),
    # An empty body: .json() fails.
    "GET api.example.com /items/empty": (200, None),
}


def drive(run):
    catalog = run.module("catalog")
    for name in ("ok", "missing", "empty"):
        run.check(name, catalog.item, name)
    run.check("cached", catalog.cached, '{"a": 1}')
