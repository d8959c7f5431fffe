"""Untyped helpers that return an instance they made: its methods are awaited after them."""

ROUTES = {
    "GET wiki.example.com /api/siteinfo": (200, {"name": "Example Wiki"}),
    "GET wiki.example.com /api/page?title=Main": (200, {"text": "Welcome"}),
}


def drive(run):
    pages = run.module("pages")
    run.check("page through a method of the base class", pages.Pages().page, "Main")
    run.check("site name", pages.Pages().site_name)
    run.check("page through a factory function", pages.page, "Main")
    run.answer("GET wiki.example.com /api/page?title=Main", 404, {"error": "missing"})
    run.check("missing page", pages.page, "Main")
