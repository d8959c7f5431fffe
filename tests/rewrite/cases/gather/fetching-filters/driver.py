"""Comprehensions whose one ``if`` fetches (``[n for n in names if
exists(n)]``): every item's test is gathered first, then the comprehension
keeps the items whose result passes, in order. Items read from a generator
are listed once first (they are walked twice). A test that fetches only for
some items (``if name and exists(name)``) stays in order: a gather would test
items the legacy code skipped."""

ROUTES = {
    "GET registry.example.com /packages/attrs": (200, {"downloads": 900}),
    "GET registry.example.com /packages/Click": (200, {"downloads": 500}),
    "GET registry.example.com /packages/tiny": (200, {"downloads": 3}),
    "GET registry.example.com /packages/gone": (404, {"error": "no such package"}),
    "GET registry.example.com /packages/broken": (500, {"error": "down"}),
}


def drive(run):
    packages = run.module("packages")
    names = ["attrs", "gone", "Click", "tiny"]
    run.check("published", packages.published, names)
    run.check("published, none", packages.published, [])
    run.check("published, one failing", packages.published, ["attrs", "broken", "tiny"])
    run.check("popular", packages.popular, ["attrs", "Click", "tiny"], 100)
    run.check("popular, one gone", packages.popular, ["attrs", "gone"], 100)
    run.check("from lines", packages.from_lines, ["attrs\n", " gone", "tiny \n"])
    run.check("named only", packages.named_only, ["attrs", "", "gone", "Click"])
