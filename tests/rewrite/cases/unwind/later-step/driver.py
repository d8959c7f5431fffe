"""A later step: the bridges an earlier step added around async code unwind."""

from click.testing import CliRunner

PACKAGE = "later"
ROUTES = {
    "GET api.example.com /a": (200, {"items": [1], "rank": 2}),
    "GET api.example.com /b": (200, {"items": [2], "rank": 1}),
}


def drive(run):
    views = run.module("later.views")
    a, b = (run.url("api.example.com") + p for p in ("/a", "/b"))
    run.check("items", views.items, a)
    run.check("both", views.both, a, b)
    run.check("ranked", views.ranked, [a, b])

    def show(url):
        result = CliRunner().invoke(views.show, [url])
        return result.exit_code, result.output

    run.check("show", show, a)
