"""Handlers in another module than the urlopen call: they catch what the call
they reach raises now (httpx's errors, urllib's, or both)."""

ROUTES = {
    "GET shop.example.com /items/1": (200, {"id": 1}),
    "GET shop.example.com /items/1/file": (200, "contents"),
    "GET shop.example.com /items/2": (404, {"error": "no such item"}),
    "GET shop.example.com /items/2/file": (404, {"error": "no such file"}),
    "GET shop.example.com /items/3": (200, {"id": 3}),
    "GET shop.example.com /items/3/file": (410, {"error": "gone"}),
}


def drive(run):
    views = run.module("views")
    for item_id, name in ((1, "found"), (2, "missing"), (3, "file gone")):
        for part in ("show", "bundle", "file"):
            run.check(f"{name}: {part}", views.page, item_id, part)
    views.api.BASE = "http://127.0.0.1:9"
    run.check("refused", views.page, 1, "show")

GC_WARNS = {
    # urllib's HTTPError raised in sync_to_async's thread is freed by the garbage
    # collector (its traceback holds asgiref's frames), not when the handler ends:
    # mostly within the check, sometimes later (a CI run missed it once).
    "unclosed <socket.socket [closed]": "an HTTPError of the kept call, freed by gc",
}
