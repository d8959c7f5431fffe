"""Recursive walks handing every call the same object, which each call changes
(``walk(base, dep, seen)`` with ``seen.add(name)``, ``resolve(base, d, memo)``
filling ``memo``): kept in order, so each project is fetched once and the
order stays depth-first. Run together, a dependency two projects share (a
diamond) was fetched twice and the names came in another order."""

ROUTES = {
    "GET pypi.example.com /pypi/app/json": (200, {"requires": ["web", "cli"]}),
    "GET pypi.example.com /pypi/web/json": (200, {"requires": ["core"]}),
    "GET pypi.example.com /pypi/cli/json": (200, {"requires": ["core"]}),
    "GET pypi.example.com /pypi/core/json": (200, {"requires": []}),
}


def drive(run):
    base = run.url("pypi.example.com")
    deps = run.module("deps")
    run.check("depth-first names, each once", deps.walk, base, "app")
    run.check("a tree with a memo", deps.resolve, base, "app", {})
