"""Bools sent as query parameters or form fields: requests sends ``True`` and
``False``, httpx ``true`` and ``false``. Whether the bool is a literal, a
parameter annotated ``bool``, a comparison, a name that may hold one, or comes
from a caller (a dict, a list of pairs, ``**kwargs``) or is a session's
(``session.params``), the upstream must
receive the same query string and form body; numbers are sent alike as they
are."""

ROUTES = {
    "GET api.example.com /search": (200, {"results": []}),
    "GET api.example.com /items": (200, {"items": []}),
    "POST api.example.com /subscribe": (201, {"subscribed": True}),
}


def drive(run):
    flags = run.module("flags")
    run.check("literal and annotated", flags.search, "lamp")
    run.check("annotated, given True", flags.search, "lamp", exact=True)
    run.check("default False", flags.listing, 2)
    run.check("default False, given True", flags.listing, 2, archived=True)
    run.check("default False, given None", flags.listing, 2, archived=None)
    run.check("comparison in pairs", flags.recent, ["a"])
    run.check("comparison in pairs, False", flags.recent, ["a"], since="2024")
    run.check("dict from a caller", flags.filtered, {"in_stock": True, "tag": [False, None]})
    run.check("pairs from a caller", flags.filtered, [("in_stock", False), ("x", None)])
    run.check("module constant", flags.defaults)
    run.check("form", flags.subscribe, "a@example.com", True)
    run.check("form, opt-out", flags.subscribe, "a@example.com", False)
    run.check("through **options", flags.with_options, "lamp")
    run.check("through **kwargs", flags.fetch, "/search", params={"hidden": False})
    run.check("numbers", flags.counted, "lamp", 3, 1.5)
    run.check("session params", flags.tracked_items, 2)
