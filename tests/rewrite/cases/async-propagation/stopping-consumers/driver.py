"""Consumers that stop early over a generator that fetches page by page:
``islice``, ``enumerate`` with a ``break``, ``zip`` of two listings (it stops
with the shorter), ``takewhile``, ``dropwhile``, ``filter`` and ``any``/``all``.
The generator becomes async and they take its items through ``aislice``,
``aenumerate``, ``azip``, ``atakewhile``, ``adropwhile``, ``afilter``, ``aany``
and ``aall``: the same results from the same pages, none fetched further; where
each item is fetched too (``all(reg.size(v["id"]) <= limit for v in ...)``),
the loop any()/all() becomes is an ``async for``."""

PAGE_2 = {"items": [{"id": 3, "yanked": True}, {"id": 4, "yanked": False}], "next": None}
SHORT = {"items": [{"id": 7, "yanked": False}], "next": None}

ROUTES = {
    "GET pypi.example.com /projects/web/versions2": (200, PAGE_2),
    "GET pypi.example.com /projects/cli/versions": (200, SHORT),
    "GET pypi.example.com /files/1": (200, {"size": 5}),
    "GET pypi.example.com /files/2": (200, {"size": 50}),
    "GET pypi.example.com /files/3": (200, {"size": 5}),
    "GET pypi.example.com /files/4": (200, {"size": 5}),
    "GET pypi.example.com /files/7": (200, {"size": 5}),
}


def drive(run):
    registry = run.module("registry")
    base = run.url("pypi.example.com")
    page_1 = {
        "items": [{"id": 1, "yanked": False}, {"id": 2, "yanked": True}],
        "next": base + "/projects/web/versions2",
    }
    run.answer("GET pypi.example.com /projects/web/versions", 200, page_1)

    def made():
        return registry.Registry(base)

    for n in (0, 1, 2, 3):
        run.check(f"first {n}", lambda n=n: run.call(registry.first_versions, made(), "web", n))
    run.check("numbered", lambda: run.call(registry.numbered, made(), "web", 2))
    run.check("paired", lambda: run.call(registry.paired, made(), "cli", "web"))
    run.check("has yanked", lambda: run.call(registry.has_yanked, made(), "web"))
    run.check("all yanked", lambda: run.call(registry.all_yanked, made(), "web"))
    for limit in (10, 100):
        run.check(
            f"all small {limit}", lambda n=limit: run.call(registry.all_small, made(), "web", n)
        )
        run.check(
            f"describe {limit}", lambda n=limit: run.call(registry.describe, made(), "web", n)
        )
    run.check("until yanked", lambda: run.call(registry.until_yanked, made(), "web"))
    run.check("from yanked", lambda: run.call(registry.from_yanked, made(), "web"))
    run.check("first kept", lambda: run.call(registry.first_kept, made(), "web"))
    run.check("short has yanked", lambda: run.call(registry.has_yanked, made(), "cli"))
